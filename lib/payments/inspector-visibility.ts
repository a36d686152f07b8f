import "server-only";
import { env } from "@/lib/env";
import { isRealFinpayHost } from "@/lib/env-schema";

/**
 * The customer's payment inspector (raw requests, responses and callbacks) is a demo of the integration: shown
 * while the local sandbox is the gateway, never against a real Finpay host, where it would show a customer the
 * shop's raw gateway traffic. Merchants keep it in the console.
 */
export function showCustomerInspector(): boolean {
  return !isRealFinpayHost(env().FINPAY_BASE_URL);
}
