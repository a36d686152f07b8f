// `npm run db:seed`: migrates, then seeds; idempotent, safe to run again on a seeded database.
import { openDatabase } from "@/db";
import { databaseOptions, seedDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { installJobQueues } from "@/lib/jobs/boss";

const handle = await openDatabase(databaseOptions(env(), { migrate: true }));
await installJobQueues(handle, env().DATABASE_URL); // pg-boss's own schema and our queues
const result = await seedDatabase(handle.db);
console.log(JSON.stringify({ event: "db.seeded", mode: handle.mode, ...result }));
await handle.close();
