import { systemClock, type Clock } from "./time";

/**
 * The sandbox's clock: the real time (or a test's fake clock) plus an offset that the control API moves forward
 * (`POST /__sandbox/clock`), so that a test walks Finpay's 111-minute callback retry schedule, a link's expiry or
 * a settlement in seconds. Time only moves forward. Listeners run synchronously on every move, so the work that
 * falls due (a callback retry) has started before the control call answers.
 */
export class SandboxClock {
  private offsetMs = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly base: Clock = systemClock) {}

  /** What the sandbox reads instead of `new Date()`. */
  readonly now: Clock = () => new Date(this.base().getTime() + this.offsetMs);

  /** How far the control API has moved this clock ahead of its base. */
  get aheadMs(): number {
    return this.offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError("the sandbox clock only moves forward");
    this.offsetMs += ms;
    for (const listener of this.listeners) listener();
  }

  onAdvance(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
