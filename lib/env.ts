import "server-only";
import { parseEnv, type Env } from "./env-schema";

let cached: Env | undefined;

/** The validated environment, parsed on first use so that `next build` does not demand runtime secrets. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
