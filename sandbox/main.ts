import { ConfigError, loadConfigFromEnv } from "./config";
import { createJsonLogger } from "./logger";
import { createSandbox } from "./sandbox";

// `npm run sandbox`: configuration from the environment, one log line when ready, clean exit on Ctrl-C.
// (No top-level await: package.json has no "type": "module", so tsx runs this file as CommonJS.)
const logger = createJsonLogger();

async function main(): Promise<void> {
  const config = loadConfigFromEnv();
  const sandbox = createSandbox({ ...config, logger });
  const running = await sandbox.start(config.port, config.host);
  logger.info("sandbox.started", {
    url: running.url,
    publicUrl: config.publicUrl ?? running.url,
    merchantId: config.merchantId,
    state: config.stateFile,
  });
  const stop = (signal: string) => {
    logger.info("sandbox.stopping", { signal });
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  logger.error(error instanceof ConfigError ? "sandbox.config_invalid" : "sandbox.start_failed", { message });
  process.exit(1);
});
