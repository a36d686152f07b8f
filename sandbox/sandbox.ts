import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { CallbackDispatcher } from "./callbacks";
import { SandboxClock } from "./clock";
import { DEFAULT_CONFIG, type SandboxConfig } from "./config";
import { ACCESS_PATH, type SandboxContext } from "./context";
import { InitiateFaults } from "./faults";
import { SandboxQuirks } from "./quirks";
import { CallbackInbox } from "./inbox";
import { silentLogger, type Logger } from "./logger";
import { PaymentService, seedCards } from "./payments";
import { createPersistence } from "./persistence";
import { RequestLog } from "./request-log";
import { RESPONSE } from "./responses";
import { apiRoutes } from "./routes/api";
import { controlRoutes } from "./routes/control";
import { hostedRoutes } from "./routes/hosted";
import { SandboxStore } from "./state";
import { systemClock, type Clock } from "./time";
import { CallbackVariants } from "./variants";

export interface SandboxOptions extends Partial<SandboxConfig> {
  /** The base of the sandbox clock; tests move time forward with a fake one (or through POST /__sandbox/clock). */
  clock?: Clock;
  logger?: Logger;
}

export interface RunningSandbox {
  /** e.g. http://localhost:53211 */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface Sandbox {
  app: Hono;
  config: SandboxConfig;
  context: SandboxContext;
  /** Listens on `port` (0 = any free port) and starts the expiry sweep. */
  start(port?: number, host?: string): Promise<RunningSandbox>;
  /** Expires overdue unpaid orders now (what the timer does every sweepIntervalMs). */
  sweepExpired(): number;
  /** Resolves when no callback try is in flight or due; retries scheduled later on the sandbox clock do not count. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Builds the whole sandbox without side effects beyond loading the state file; `start` opens the port. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const { clock: baseClock = systemClock, logger = silentLogger, ...overrides } = options;
  const config: SandboxConfig = { ...DEFAULT_CONFIG, ...definedOnly(overrides) };
  const shutdownController = new AbortController();
  let boundUrl: string | undefined;

  const persistence = createPersistence(config.stateFile, (error) =>
    logger.error("state.write_failed", { message: error instanceof Error ? error.message : String(error) }),
  );
  const sandboxClock = new SandboxClock(baseClock);
  const clock = sandboxClock.now;
  const quirks = new SandboxQuirks();
  const store = new SandboxStore(persistence, () => seedCards(clock()));
  const dispatcher = new CallbackDispatcher({
    timeoutMs: config.callbackTimeoutMs,
    retryMinutes: config.callbackRetryMinutes,
    retrySpacing: () => quirks.get().callbackRetrySpacing,
    clock: sandboxClock,
    logger,
    shutdown: shutdownController.signal,
  });
  const callbackVariants = new CallbackVariants();
  const payments = new PaymentService({
    store,
    dispatcher,
    variants: callbackVariants,
    merchantId: config.merchantId,
    merchantKey: config.merchantKey,
    clock,
    logger,
    settleAfterMinutes: config.settleAfterMinutes,
  });
  const context: SandboxContext = {
    config,
    store,
    payments,
    dispatcher,
    initiateFaults: new InitiateFaults(),
    callbackVariants,
    requests: new RequestLog(),
    inbox: new CallbackInbox(config.merchantKey),
    logger,
    clock,
    sandboxClock,
    quirks,
    shutdown: shutdownController.signal,
    publicUrl: () => config.publicUrl ?? boundUrl,
  };

  const app = new Hono();
  app.route("/pg/payment/card", apiRoutes(context));
  app.route(ACCESS_PATH, hostedRoutes(context));
  app.route("/__sandbox", controlRoutes(context));
  app.get("/", (c) => c.redirect("/__sandbox/health"));
  // Sub-apps mounted with route() share this handler, so one hint covers both the API and the control paths.
  app.notFound((c) =>
    c.json({ error: "Not Found", hint: "Finpay paths live under /pg/payment/card, the control API under /__sandbox (see sandbox/README.md)" }, 404),
  );
  app.onError((error, c) => {
    logger.error("request.failed", { path: c.req.path, message: error.message });
    return c.json({ responseCode: RESPONSE.generalError.code, responseMessage: RESPONSE.generalError.message }, 500);
  });

  let server: Server | undefined;
  let sweepTimer: NodeJS.Timeout | undefined;
  const sweepExpired = () => payments.sweepExpired();

  const close = async () => {
    shutdownController.abort();
    if (sweepTimer) clearInterval(sweepTimer);
    if (server) {
      const closing = server;
      server = undefined;
      await new Promise<void>((resolve) => {
        closing.close(() => resolve());
        closing.closeAllConnections();
      });
    }
    await store.flush();
  };

  return {
    app,
    config,
    context,
    sweepExpired,
    idle: () => dispatcher.idle(),
    close,
    start(port = config.port, host = config.host) {
      return new Promise<RunningSandbox>((resolve, reject) => {
        const started = serve({ fetch: app.fetch, port, ...(host ? { hostname: host } : {}) }, (info: AddressInfo) => {
          boundUrl = `http://localhost:${info.port}`;
          if (config.sweepIntervalMs > 0) {
            sweepTimer = setInterval(() => {
              const expired = sweepExpired();
              if (expired > 0) logger.info("orders.expired", { count: expired });
            }, config.sweepIntervalMs);
            // The sweep alone must not keep a process alive.
            sweepTimer.unref();
          }
          resolve({ url: boundUrl, port: info.port, close });
        }) as Server;
        started.once("error", reject);
        server = started;
      });
    },
  };
}

/** Lets `{ port: undefined }` from a caller mean "use the default" rather than overwrite it. */
function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
