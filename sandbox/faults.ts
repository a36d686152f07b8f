import { z } from "zod";

/**
 * Faults the control API can switch on, so the app's error handling can be exercised on demand.
 * Initiate faults hit the next `count` initiate calls; callback faults live in the dispatcher.
 */

export const INITIATE_FAULT_MODES = ["error_500", "timeout", "malformed"] as const;
export type InitiateFaultMode = (typeof INITIATE_FAULT_MODES)[number];

export interface InitiateFault {
  mode: InitiateFaultMode;
  remaining: number;
}

export const FaultsRequestSchema = z
  .object({
    initiate: z
      .object({
        mode: z.enum(INITIATE_FAULT_MODES),
        count: z.number().int().min(1).max(1_000).default(1),
      })
      .optional(),
    callbacks: z
      .object({
        mode: z.enum(["delay", "drop"]),
        delayMs: z.number().int().min(0).max(600_000).default(5_000),
        /** Absent: every callback until DELETE /__sandbox/faults. */
        count: z.number().int().min(1).max(1_000).optional(),
      })
      .optional(),
  })
  .refine((v) => v.initiate || v.callbacks, { message: "give `initiate` and/or `callbacks`" });

export class InitiateFaults {
  private fault: InitiateFault | null = null;

  set(mode: InitiateFaultMode, count: number): void {
    this.fault = { mode, remaining: count };
  }

  get(): InitiateFault | null {
    return this.fault;
  }

  clear(): void {
    this.fault = null;
  }

  /** Consumes one use of the current fault, if any. */
  take(): InitiateFaultMode | null {
    const fault = this.fault;
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.fault = null;
    return fault.mode;
  }
}
