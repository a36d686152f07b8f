// `npm run db:seed`: idempotent; safe to run again on a seeded database.
import { parseEnv } from "../lib/env-schema";
import { openDatabase } from "./index";
import { seed } from "./seed";

const env = parseEnv(process.env);
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, migrate: true });
const result = await seed(handle.db);
console.log(JSON.stringify({ event: "db.seeded", mode: handle.mode, ...result }));
await handle.close();
