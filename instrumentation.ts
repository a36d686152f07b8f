/**
 * Runs once when the server starts. A misconfigured production start stops here with a message naming the
 * variable, instead of failing later on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartupEnvironment } = await import("./lib/startup-check");
  checkStartupEnvironment();
}
