// `node --import ./scripts/plain-node.mjs`: lets a plain Node process (the job worker) load the app's server modules.
// Modules that only the server may load say `import "server-only"`, which resolves to an empty module only under
// the `react-server` condition; but that condition also swaps react-dom/server for a stub, and the worker renders
// emails with it. So the worker runs without the condition and `server-only` resolves to an empty module here,
// the same way the Vitest setup (test-support/setup.ts) treats it.
import { register } from "node:module";

const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
