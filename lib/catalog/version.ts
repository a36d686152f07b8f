import "server-only";
import { sql } from "drizzle-orm";
import { getDb, preparedFor, type Database } from "@/lib/db";
import { catalogVersion } from "@/db/schema";
import type { Tx } from "@/lib/payments/state-machine";

/**
 * The catalog's version (db/schema.ts `catalog_version`): the one number each page view reads to know whether its
 * instance's copy of the catalog is current. Prepared once per database: it runs on every catalog page.
 */
const versionQuery = preparedFor((db: Database) => db.select({ version: catalogVersion.version }).from(catalogVersion).limit(1).prepare("catalog_version"));

/** 0 before anything has raised it (a database the seed has not run on). */
export async function readCatalogVersion(): Promise<number> {
  const [row] = await versionQuery(await getDb()).execute();
  return row?.version ?? 0;
}

/** Raises the version inside the transaction of a catalog change: other instances see it once that commits. */
export async function raiseCatalogVersion(tx: Tx): Promise<void> {
  await tx
    .insert(catalogVersion)
    .values({ id: 1 })
    .onConflictDoUpdate({ target: catalogVersion.id, set: { version: sql`${catalogVersion.version} + 1`, changedAt: sql`now()` } });
}
