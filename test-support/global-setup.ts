import { openDatabase } from "../db/index";
import { seed } from "../db/seed";
import { hashPassword } from "../lib/auth/password";
import { installJobQueues } from "../lib/jobs/boss";

/**
 * With DATABASE_URL, bring that server's schema (and the job queue's) up to date and seed it once before any test
 * file runs. */
export default async function globalSetup(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) return;
  const handle = await openDatabase({ databaseUrl, pgliteDir: "unused", migrate: true });
  await seed(handle.db, { hashPassword, restock: true }); // every run starts from the seeded stock
  await installJobQueues(handle, databaseUrl);
  await handle.close();
}
