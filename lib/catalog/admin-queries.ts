import "server-only";
import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { categories, merchantActions, products, type Category, type MerchantAction, type Product } from "@/db/schema";

/** The console's product list: search, filters and pages, all in the address (`?q=kopi&status=unpublished&page=2`). */

/** The rows the console's pages show, for components (which take their types from lib/). */
export type ConsoleProduct = Product;
export type ConsoleCategory = Category;

export const PRODUCT_STATUSES = ["published", "unpublished"] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const CONSOLE_PAGE_SIZE = 20;
const MAX_QUERY = 100;

export interface ProductFilters {
  q: string;
  status?: ProductStatus;
  categoryId?: number;
  page: number;
}

type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** Filters from the address; a value that makes no sense is left out rather than refused (it is only a view). */
export function parseProductFilters(params: Params): ProductFilters {
  const status = one(params.status);
  const category = one(params.category);
  const page = one(params.page);
  return {
    q: one(params.q).trim().slice(0, MAX_QUERY),
    status: (PRODUCT_STATUSES as readonly string[]).includes(status) ? (status as ProductStatus) : undefined,
    categoryId: /^\d{1,9}$/.test(category) ? Number(category) : undefined,
    page: /^\d{1,5}$/.test(page) ? Math.max(1, Number(page)) : 1,
  };
}

export function productListHref(filters: ProductFilters, page = filters.page): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (filters.categoryId !== undefined) params.set("category", String(filters.categoryId));
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/console/products?${search}` : "/console/products";
}

export type ConsoleProductRow = Pick<Product, "id" | "slug" | "name" | "nameEn" | "priceIdr" | "stock" | "active" | "imagePath" | "updatedAt"> & { categoryName: string | null; categoryNameEn: string | null };

export interface ConsoleProductPage {
  rows: ConsoleProductRow[];
  page: number;
  pageCount: number;
  total: number;
}

/** `%` and `_` typed by the merchant are letters, not wildcards. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listConsoleProducts(filters: ProductFilters): Promise<ConsoleProductPage> {
  const conditions: SQL[] = [];
  if (filters.q) {
    const pattern = `%${literal(filters.q)}%`;
    conditions.push(or(ilike(products.name, pattern), ilike(products.nameEn, pattern), ilike(products.slug, pattern))!);
  }
  if (filters.status) conditions.push(eq(products.active, filters.status === "published"));
  if (filters.categoryId !== undefined) conditions.push(eq(products.categoryId, filters.categoryId));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const db = await getDb();
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(products).where(where);
  const pageCount = Math.max(1, Math.ceil(total / CONSOLE_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      nameEn: products.nameEn,
      priceIdr: products.priceIdr,
      stock: products.stock,
      active: products.active,
      imagePath: products.imagePath,
      updatedAt: products.updatedAt,
      categoryName: categories.name,
      categoryNameEn: categories.nameEn,
    })
    .from(products)
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .where(where)
    .orderBy(asc(products.id))
    .limit(CONSOLE_PAGE_SIZE)
    .offset((page - 1) * CONSOLE_PAGE_SIZE);
  return { rows, page, pageCount, total };
}

export async function listAllCategories(): Promise<Category[]> {
  const db = await getDb();
  return db.select().from(categories).orderBy(asc(categories.position), asc(categories.id));
}

export async function getProductForConsole(productId: number): Promise<Product | undefined> {
  const db = await getDb();
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  return product;
}

export type ProductHistoryEntry = Pick<MerchantAction, "id" | "action" | "actorEmail" | "outcome" | "detail" | "changes" | "createdAt">;

/** The product's audit trail, newest first. */
export async function listProductHistory(productId: number, limit = 50): Promise<ProductHistoryEntry[]> {
  const db = await getDb();
  return db
    .select({
      id: merchantActions.id,
      action: merchantActions.action,
      actorEmail: merchantActions.actorEmail,
      outcome: merchantActions.outcome,
      detail: merchantActions.detail,
      changes: merchantActions.changes,
      createdAt: merchantActions.createdAt,
    })
    .from(merchantActions)
    .where(eq(merchantActions.productId, productId))
    .orderBy(desc(merchantActions.createdAt), desc(merchantActions.id))
    .limit(limit);
}

/** A product id from the address: digits only, else nothing (the page answers 404). */
export function parseProductId(value: string): number | undefined {
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
