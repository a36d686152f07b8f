import type { CallbackDispatcher } from "./callbacks";
import type { SandboxClock } from "./clock";
import type { SandboxConfig } from "./config";
import type { InitiateFaults } from "./faults";
import type { CallbackInbox } from "./inbox";
import type { Logger } from "./logger";
import type { PaymentService } from "./payments";
import type { SandboxQuirks } from "./quirks";
import type { RequestLog } from "./request-log";
import type { SandboxStore } from "./state";
import type { Clock } from "./time";
import type { CallbackVariants } from "./variants";

/** What the route modules share; built once by createSandbox. */
export interface SandboxContext {
  config: SandboxConfig;
  store: SandboxStore;
  payments: PaymentService;
  dispatcher: CallbackDispatcher;
  initiateFaults: InitiateFaults;
  /** Callback variants switched on through /__sandbox/callback-variants. */
  callbackVariants: CallbackVariants;
  requests: RequestLog;
  /** The built-in callback receiver at /__sandbox/inbox. */
  inbox: CallbackInbox;
  logger: Logger;
  /** Reads the sandbox clock (`sandboxClock.now`). */
  clock: Clock;
  /** The clock the control API moves forward. */
  sandboxClock: SandboxClock;
  /** Behaviours where Finpay's reference allows two readings (void form, retry spacing). */
  quirks: SandboxQuirks;
  /** Aborted on close, so held requests and sleeps end promptly. */
  shutdown: AbortSignal;
  /** Base of redirect URLs once known (configured, or from the bound port); undefined before start(). */
  publicUrl(): string | undefined;
}

/** Hono variables set by the API middleware. */
export type ApiEnv = { Variables: { startedAt: number; authorized: boolean; fault: string | null } };

export const ACCESS_PATH = "/pg/payment/card/access";
