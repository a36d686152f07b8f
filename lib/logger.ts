import { readEnvVariable } from "./env-schema";

/**
 * Structured one-line JSON logs. Callers pass fields, never whole request bodies with secrets:
 * card tokens are shortened by lib/finpay before they get here, CVVs never reach the server.
 */
type Level = "debug" | "info" | "warn" | "error";

const SEVERITY: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };
let threshold: number | undefined;

/** LOG_LEVEL (validated by lib/env-schema.ts), read on the first line logged: lines below it are left out. */
function enabled(level: Level): boolean {
  threshold ??= SEVERITY[readEnvVariable("LOG_LEVEL")];
  return SEVERITY[level] >= threshold;
}

function serialiseError(error: unknown): unknown {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack?.split("\n").slice(0, 5).join("\n") };
  return error;
}

function write(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  if (!enabled(level)) return;
  const entry: Record<string, unknown> = { time: new Date().toISOString(), level, event };
  for (const [key, value] of Object.entries(fields)) entry[key] = key === "error" ? serialiseError(value) : value;
  const line = `${JSON.stringify(entry)}\n`;
  // Straight to the streams: Next.js wraps console.* on the server, which `npm run bench` measured as a visible
  // share of a callback's time; the line is already formatted, so the wrappers add nothing.
  if (level === "error" || level === "warn") process.stderr.write(line);
  else process.stdout.write(line);
}

export const logger = {
  debug: (event: string, fields?: Record<string, unknown>) => write("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
};
