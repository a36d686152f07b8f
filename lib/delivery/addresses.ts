import "server-only";
import { and, asc, count, desc, eq, ne } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { addresses, users, type Address } from "@/db/schema";
import { UserFacingError } from "@/lib/errors";
import { msg } from "@/lib/translatable";
import { isUuid } from "@/lib/uuid";
import type { AddressInput } from "./address-validation";
import { findProvince } from "./provinces";
import type { Tx } from "@/lib/payments/state-machine";

/**
 * The address book. A customer has at most one default address (the partial unique index
 * addresses_one_default_per_user); every change that moves the default locks the customer's row first, so two
 * tabs changing it at once take turns instead of colliding. The first address becomes the default, and deleting
 * the default hands it to the newest remaining address.
 */

export const MAX_ADDRESSES = 20;

export type AddressView = Address & { provinceName: string };

const view = (address: Address): AddressView => ({ ...address, provinceName: findProvince(address.provinceCode)?.name ?? address.provinceCode });

/** Default first, then newest first. */
export async function listAddresses(userId: string): Promise<AddressView[]> {
  const db = await getDb();
  const rows = await db.select().from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.isDefault), desc(addresses.createdAt));
  return rows.map(view);
}

/** The customer's own address, or undefined (someone else's id looks like no address at all). */
export async function findAddress(userId: string, addressId: string): Promise<AddressView | undefined> {
  if (!isUuid(addressId)) return undefined;
  const db = await getDb();
  const [row] = await db.select().from(addresses).where(and(eq(addresses.id, addressId), eq(addresses.userId, userId))).limit(1);
  return row && view(row);
}

const NOT_FOUND = () => new UserFacingError(msg("delivery.errors.notFound"), "not_found");

async function lockCustomer(tx: Tx, userId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
}

function columns(input: AddressInput) {
  const { makeDefault: _makeDefault, ...fields } = input;
  return fields;
}

export async function createAddress(userId: string, input: AddressInput): Promise<AddressView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockCustomer(tx, userId);
    const [existing] = await tx.select({ n: count() }).from(addresses).where(eq(addresses.userId, userId));
    const n = existing?.n ?? 0;
    if (n >= MAX_ADDRESSES) throw new UserFacingError(msg("delivery.errors.tooMany", { max: MAX_ADDRESSES }), "conflict");
    const isDefault = input.makeDefault || n === 0;
    if (isDefault) await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
    const [row] = await tx.insert(addresses).values({ ...columns(input), userId, isDefault }).returning();
    return view(row!);
  });
}

export async function updateAddress(userId: string, addressId: string, input: AddressInput): Promise<AddressView> {
  if (!isUuid(addressId)) throw NOT_FOUND();
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockCustomer(tx, userId);
    if (input.makeDefault) await tx.update(addresses).set({ isDefault: false }).where(and(eq(addresses.userId, userId), ne(addresses.id, addressId)));
    const [row] = await tx
      .update(addresses)
      .set({ ...columns(input), ...(input.makeDefault ? { isDefault: true } : {}), updatedAt: new Date() })
      .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
      .returning();
    if (!row) throw NOT_FOUND();
    return view(row);
  });
}

export async function setDefaultAddress(userId: string, addressId: string): Promise<void> {
  if (!isUuid(addressId)) throw NOT_FOUND();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockCustomer(tx, userId);
    const [own] = await tx.select({ id: addresses.id }).from(addresses).where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
    if (!own) throw NOT_FOUND();
    await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
    await tx.update(addresses).set({ isDefault: true, updatedAt: new Date() }).where(eq(addresses.id, addressId));
  });
}

/** Orders keep their own copy of the address, so deleting one never changes an order. */
export async function deleteAddress(userId: string, addressId: string): Promise<void> {
  if (!isUuid(addressId)) throw NOT_FOUND();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockCustomer(tx, userId);
    const [deleted] = await tx.delete(addresses).where(and(eq(addresses.id, addressId), eq(addresses.userId, userId))).returning();
    if (!deleted) throw NOT_FOUND();
    if (!deleted.isDefault) return;
    const [next] = await tx.select({ id: addresses.id }).from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.createdAt), asc(addresses.id)).limit(1);
    if (next) await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, next.id));
  });
}
