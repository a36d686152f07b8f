import { EnvError, parseEnv } from "./env-schema";

export function checkStartupEnvironment(): void {
  try {
    const env = parseEnv(process.env);
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      throw new EnvError("AUTH_SECRET", "is required in production (32+ random characters, e.g. `openssl rand -base64 33`)");
    }
  } catch (error) {
    console.error(JSON.stringify({ level: "error", event: "startup.invalid_environment", message: (error as Error).message }));
    process.exit(1);
  }
}
