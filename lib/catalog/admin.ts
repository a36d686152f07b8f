import "server-only";
import { and, eq, inArray, isNull, like, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { cartItems, categories, merchantActions, orderItems, orders, products, type OrderStatus, type Product, type ProductFieldChange } from "@/db/schema";
import { UserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { pictureUrl } from "@/lib/media/picture";
import type { Tx } from "@/lib/payments/state-machine";
import { msg } from "@/lib/translatable";
import type { ProductInput } from "./admin-validation";
import { raiseCatalogVersion } from "./version";

/**
 * The catalog as the merchant changes it in the console. Every change runs in one transaction that locks the product
 * row, writes the change, writes its audit row (merchant_actions, with each changed field's before and after), and
 * raises the catalog version (./version.ts), so every instance's shop shows it on its next page view. Refusals that
 * reach this module (publishing without a picture, deleting an ordered product) are audited too.
 *
 * Orders are never touched: order_items keep the name and unit price of the moment they were placed, so a price
 * change reaches new carts and checkouts only.
 */

export type CatalogActor = { id: string; email: string };

/** How an audited catalog action ended. */
export type CatalogOutcome = "done" | "refused";

type Action = "product_create" | "product_update" | "product_picture" | "product_publish" | "product_unpublish" | "product_delete";

async function audit(tx: Tx, actor: CatalogActor, action: Action, productId: number, outcome: CatalogOutcome, changes: Record<string, ProductFieldChange> | null, detail: string | null = null) {
  await tx.insert(merchantActions).values({ actorId: actor.id, actorEmail: actor.email, action, productId, outcome, changes, detail });
}

/** The fields the console edits, as the product row names them. */
const EDITED = ["name", "description", "details", "nameEn", "descriptionEn", "detailsEn", "categoryId", "origin", "maker", "priceIdr", "stock", "weightGrams"] as const;

function changesBetween(before: Partial<Pick<Product, (typeof EDITED)[number]>>, after: ProductInput): Record<string, ProductFieldChange> {
  const changes: Record<string, ProductFieldChange> = {};
  for (const field of EDITED) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

async function lockProduct(tx: Tx, productId: number): Promise<Product> {
  const [product] = await tx.select().from(products).where(eq(products.id, productId)).for("update");
  if (!product) throw new UserFacingError(msg("consoleCatalog.edit.gone"), "not_found");
  return product;
}

async function requireCategory(tx: Tx, categoryId: number): Promise<void> {
  const [category] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId));
  if (!category) throw new UserFacingError(msg("consoleCatalog.validation.category"), "invalid_input", "categoryId");
}

/** "Kopi Gayo 250 g" -> "kopi-gayo-250-g": the shop address of a new product (it never changes afterwards). */
export function slugFrom(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 70)
    .replace(/-+$/, "");
  return slug || "produk";
}

/** The slug, or the slug with the first free number after it ("-2", "-3", …). */
async function freeSlug(tx: Tx, base: string): Promise<string> {
  const taken = new Set(
    (await tx.select({ slug: products.slug }).from(products).where(or(eq(products.slug, base), like(products.slug, `${base}-%`)))).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new product, unpublished and without a picture: the merchant adds one, then publishes it. */
export async function createProduct(actor: CatalogActor, input: ProductInput): Promise<{ id: number; slug: string }> {
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    await requireCategory(tx, input.categoryId);
    const slug = await freeSlug(tx, slugFrom(input.name));
    const [row] = await tx
      .insert(products)
      .values({ ...input, slug, imagePath: "", active: false })
      .returning({ id: products.id, slug: products.slug });
    await audit(tx, actor, "product_create", row!.id, "done", changesBetween({}, input), slug);
    await raiseCatalogVersion(tx);
    return row!;
  });
  logger.info("catalog.product_created", { productId: created.id, actorId: actor.id });
  return created;
}

/** What the edit form was opened with: a change made since by someone else is not overwritten unseen. */
export type SeenProduct = { updatedAt: string; stock: number };

export type UpdateResult =
  | { kind: "saved"; product: Product; changed: string[] }
  | { kind: "unchanged"; product: Product }
  /** Another merchant saved in between; `product` is what they saved. */
  | { kind: "editedMeanwhile"; product: Product }
  /** The merchant changed the stock, and sales changed it too while the form was open. */
  | { kind: "stockMoved"; seen: number; now: number; product: Product };

/**
 * Saves the edit form. Stock is the one field that moves on its own (a paid order takes from it, in
 * lib/catalog/stock.ts): when the merchant left it as it was, the current stock stays; when both moved, the merchant
 * is asked to look again rather than silently undoing a sale.
 */
export async function updateProduct(actor: CatalogActor, productId: number, input: ProductInput, seen: SeenProduct): Promise<UpdateResult> {
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<UpdateResult> => {
    const current = await lockProduct(tx, productId);
    if (current.updatedAt.toISOString() !== seen.updatedAt) return { kind: "editedMeanwhile", product: current };
    const stockTouched = input.stock !== seen.stock;
    if (stockTouched && current.stock !== seen.stock) return { kind: "stockMoved", seen: seen.stock, now: current.stock, product: current };
    const next: ProductInput = { ...input, stock: stockTouched ? input.stock : current.stock };
    const changes = changesBetween(current, next);
    if (Object.keys(changes).length === 0) return { kind: "unchanged", product: current };
    if (changes.categoryId) await requireCategory(tx, next.categoryId);
    const [saved] = await tx
      .update(products)
      .set({ ...next, updatedAt: sql`now()` })
      .where(eq(products.id, productId))
      .returning();
    await audit(tx, actor, "product_update", productId, "done", changes);
    await raiseCatalogVersion(tx);
    return { kind: "saved", product: saved!, changed: Object.keys(changes) };
  });
  if (result.kind === "saved") logger.info("catalog.product_updated", { productId, actorId: actor.id, fields: result.changed });
  return result;
}

/** Points the product at a stored picture (lib/media): the stored name is a content hash, so the old one stays valid for pages already open. */
export async function replacePicture(actor: CatalogActor, productId: number, storedName: string): Promise<Product> {
  const db = await getDb();
  const saved = await db.transaction(async (tx) => {
    const current = await lockProduct(tx, productId);
    const imagePath = pictureUrl(storedName);
    const [row] = await tx
      .update(products)
      .set({ imagePath, updatedAt: sql`now()` })
      .where(eq(products.id, productId))
      .returning();
    await audit(tx, actor, "product_picture", productId, "done", { imagePath: { from: current.imagePath || null, to: imagePath } });
    await raiseCatalogVersion(tx);
    return row!;
  });
  logger.info("catalog.picture_replaced", { productId, actorId: actor.id });
  return saved;
}

export type PublishResult = { kind: "done"; product: Product } | { kind: "already"; product: Product } | { kind: "needsPicture"; product: Product };

/** Publishes (into the shop) or unpublishes (out of it; orders already placed go on as they are). */
export async function setPublished(actor: CatalogActor, productId: number, publish: boolean): Promise<PublishResult> {
  const db = await getDb();
  const action: Action = publish ? "product_publish" : "product_unpublish";
  return db.transaction(async (tx): Promise<PublishResult> => {
    const current = await lockProduct(tx, productId);
    if (current.active === publish) return { kind: "already", product: current };
    if (publish && !current.imagePath) {
      await audit(tx, actor, action, productId, "refused", null, "no_picture");
      return { kind: "needsPicture", product: current };
    }
    const [row] = await tx
      .update(products)
      .set({ active: publish, updatedAt: sql`now()` })
      .where(eq(products.id, productId))
      .returning();
    await audit(tx, actor, action, productId, "done", { active: { from: current.active, to: publish } });
    await raiseCatalogVersion(tx);
    return { kind: "done", product: row! };
  });
}

/**
 * Orders still under way: payable, or paid and not yet given back. They need the product (stock, the order page,
 * fulfilment), so a product in one can only be unpublished. The other orders are history, which keeps the product
 * too (order_items refer to it), with another message.
 */
export const OPEN_ORDER_STATUSES = ["pending_payment", "paid", "partly_refunded"] as const satisfies readonly OrderStatus[];

export type DeleteResult = { kind: "deleted"; product: Product } | { kind: "hasOrders"; open: number; past: number };

/** Deletes a product nobody ever ordered (and takes it out of carts); refuses, audited, one that was. */
export async function deleteProduct(actor: CatalogActor, productId: number): Promise<DeleteResult> {
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<DeleteResult> => {
    const current = await lockProduct(tx, productId);
    const open = and(inArray(orders.status, OPEN_ORDER_STATUSES), or(isNull(orders.closedAt), sql`${orders.status} <> 'pending_payment'`));
    const [counts] = await tx
      .select({
        open: sql<number>`count(*) filter (where ${open})::int`,
        all: sql<number>`count(*)::int`,
      })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(eq(orderItems.productId, productId));
    const openCount = counts?.open ?? 0;
    const pastCount = (counts?.all ?? 0) - openCount;
    if (openCount + pastCount > 0) {
      await audit(tx, actor, "product_delete", productId, "refused", null, openCount > 0 ? `open_orders:${openCount}` : `past_orders:${pastCount}`);
      return { kind: "hasOrders", open: openCount, past: pastCount };
    }
    await tx.delete(cartItems).where(eq(cartItems.productId, productId));
    await tx.delete(products).where(eq(products.id, productId));
    const snapshot = Object.fromEntries(EDITED.map((field) => [field, { from: current[field] ?? null, to: null }]));
    await audit(tx, actor, "product_delete", productId, "done", { slug: { from: current.slug, to: null }, ...snapshot }, current.slug);
    await raiseCatalogVersion(tx);
    return { kind: "deleted", product: current };
  });
  if (result.kind === "deleted") logger.info("catalog.product_deleted", { productId, actorId: actor.id });
  return result;
}
