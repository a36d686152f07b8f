// `npm run user:role -- <email> <customer|merchant>`: grants or revokes the merchant console. Takes effect on the
// user's next request (the console reads the role from the database every time, not from the session).
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db";
import { userRole, users } from "@/db/schema";
import { databaseOptions } from "@/lib/db";
import { env } from "@/lib/env";

const [email, role] = process.argv.slice(2);
const roles = userRole.enumValues as readonly string[];
if (!email || !role || !roles.includes(role)) {
  console.error(`Usage: npm run user:role -- <email> <${roles.join("|")}>`);
  process.exit(2);
}

const handle = await openDatabase(databaseOptions(env(), { migrate: true }));
try {
  const updated = await handle.db
    .update(users)
    .set({ role: role as (typeof userRole.enumValues)[number], updatedAt: new Date() })
    .where(sql`lower(${users.email}) = lower(${email})`)
    .returning({ id: users.id, email: users.email, role: users.role });
  if (updated.length === 0) {
    console.error(JSON.stringify({ event: "user.role_not_changed", reason: "no account with this email", email }));
    process.exitCode = 1;
  } else {
    console.log(JSON.stringify({ event: "user.role_changed", ...updated[0] }));
  }
} finally {
  await handle.close();
}
