// `npm run db:migrate`: applies db/migrations to DATABASE_URL, or creates/migrates the embedded PGlite database.
import { openDatabase } from "@/db";
import { databaseOptions } from "@/lib/db";
import { env } from "@/lib/env";
import { installJobQueues } from "@/lib/jobs/boss";

const handle = await openDatabase(databaseOptions(env(), { migrate: true }));
await installJobQueues(handle, env().DATABASE_URL); // pg-boss's own schema and our queues
console.log(JSON.stringify({ event: "db.migrated", mode: handle.mode }));
await handle.close();
