import { openDatabase } from "../db/index";
import { seed } from "../db/seed";

/** With DATABASE_URL, bring that server's schema up to date and seed it once before any test file runs. */
export default async function globalSetup(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) return;
  const handle = await openDatabase({ databaseUrl, pgliteDir: "unused", migrate: true });
  await seed(handle.db);
  await handle.close();
}
