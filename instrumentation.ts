/**
 * Runs once when the server starts. A misconfigured production start stops here with a message naming the
 * variable, instead of failing later on the first request. Then every request gets its peer address stamped
 * (lib/security/peer-address.ts) for the sign-in throttle, and with the embedded database the job worker starts
 * here too (lib/jobs/in-process.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartupEnvironment } = await import("./lib/startup-check");
  checkStartupEnvironment();
  const { stampPeerAddresses } = await import("./lib/security/peer-address");
  stampPeerAddresses();
  // `next build` may load this file too; it must never open the embedded database.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobsInAppWhenEmbedded } = await import("./lib/jobs/in-process");
  startJobsInAppWhenEmbedded();
}
