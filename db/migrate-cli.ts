// `npm run db:migrate`: applies db/migrations to DATABASE_URL, or creates/migrates the embedded PGlite database.
import { parseEnv } from "../lib/env-schema";
import { openDatabase } from "./index";

const env = parseEnv(process.env);
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, migrate: true });
console.log(JSON.stringify({ event: "db.migrated", mode: handle.mode }));
await handle.close();
