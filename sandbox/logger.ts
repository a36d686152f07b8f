/**
 * One JSON object per line on stdout, so `npm run dev` output stays greppable and machine-readable.
 * Callers must pass already-redacted values: never the merchant key, a CVV, a full PAN or a full card token.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export function createJsonLogger(write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const log = (level: string) => (event: string, fields: LogFields = {}) => {
    write(`${JSON.stringify({ time: new Date().toISOString(), level, service: "finpay-sandbox", event, ...fields })}\n`);
  };
  return { info: log("info"), warn: log("warn"), error: log("error") };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Enough of a token to tell tokens apart in logs without making the log a credential store. */
export function tokenTail(token: string): string {
  return `…${token.slice(-6)}`;
}
