// `npm run finpay:check`: run before switching FINPAY_BASE_URL to a real Finpay host (and after every change of keys).
// Reads the same variables as the app (the environment, then .env files as `next start` does), checks them, proves the
// credentials with one status check of a made-up order, prints what it found, and exits 0 when ready, 1 when not.
import nextEnv from "@next/env";
import { checkFinpayReadiness, formatReadinessReport } from "@/lib/readiness/finpay-check";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const report = await checkFinpayReadiness(process.env, { timeoutMs: Number(process.env.FINPAY_TIMEOUT_MS) || 15_000 });
console.log(formatReadinessReport(report));
process.exitCode = report.ready ? 0 : 1;
