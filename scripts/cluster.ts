// `npm run cluster [-- --rebuild] [-- --database NAME]`: the storefront as a cluster on this machine, two instances
// of one production build behind nginx on one PostgreSQL database, with the job worker, a mail catcher and the Finpay sandbox. Ctrl-C stops all of it
// and keeps the database, the secrets and the logs under .data/cluster/. See README, "Running in production".
import { parseArgs } from "node:util";
import { startCluster, type Cluster } from "./cluster/cluster";
import { runningProcesses } from "./cluster/processes";

const { values } = parseArgs({
  options: {
    rebuild: { type: "boolean", default: false },
    database: { type: "string", default: process.env.CLUSTER_DATABASE ?? "cluster_storefront" },
  },
});

// Registered first: a Ctrl-C while the cluster is still starting stops what has started so far. The children run in
// process groups of their own, so the terminal's SIGINT reaches only this process.
const state: { cluster?: Cluster; stopping: boolean } = { stopping: false };
async function shutdown(signal: NodeJS.Signals) {
  if (state.stopping) return;
  state.stopping = true;
  console.log(`\n${signal}: stopping the cluster…`);
  if (state.cluster) await state.cluster.stop();
  else await Promise.all([...runningProcesses].map((managed) => managed.stop()));
  console.log("stopped; database and logs kept");
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(signal));

const ports = (name: string) => (process.env[name] ? process.env[name]!.split(",").map(Number) : undefined);
const cluster = await startCluster({
  stateDir: ".data/cluster",
  databaseName: values.database,
  build: values.rebuild ? "always" : "auto",
  appPorts: ports("CLUSTER_APP_PORTS"),
  sandboxPort: ports("CLUSTER_SANDBOX_PORT")?.[0],
  nginxPort: ports("CLUSTER_NGINX_PORT")?.[0],
  mailPorts: ports("CLUSTER_MAIL_PORTS") as [number, number] | undefined,
});
state.cluster = cluster;

console.log(`
Toko Nusantara cluster is up: ${cluster.url}
  instances   ${cluster.apps.map((app) => `${app.spec.name} (${app.spec.env.PORT}, pid ${app.pid})`).join(", ")}; X-Instance header names the one that answered
  database    ${cluster.databaseUrl}
  sandbox     ${cluster.sandboxUrl}
  worker      pid ${cluster.processes.find((managed) => managed.spec.name === "worker")?.pid}; emails: ${cluster.mailUrl}
  logs        .data/cluster/logs/   secrets: .data/cluster/secrets.json
  sign in     demo@example.com / demo-pass-123
Ctrl-C stops everything.`);

// A process that dies on its own is reported once; nginx routes around a dead instance. The timer also keeps
// this process (and so the cluster) running until a signal arrives.
const reported = new Set<string>();
setInterval(() => {
  for (const managed of cluster.processes) {
    if (managed.running || state.stopping || reported.has(managed.spec.name)) continue;
    reported.add(managed.spec.name);
    console.error(`${managed.spec.name} has stopped (see .data/cluster/logs/${managed.spec.name}.log)`);
  }
}, 2_000);
