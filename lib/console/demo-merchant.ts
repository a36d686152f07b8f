import "server-only";
import { DEMO_MERCHANT } from "@/db/seed-data";
import { env } from "@/lib/env";
import { isRealFinpayHost } from "@/lib/env-schema";

/** The seeded merchant login, shown on the sign-in page only while payments go to the local sandbox. */
export function demoMerchantToShow(): { email: string; password: string } | null {
  if (isRealFinpayHost(env().FINPAY_BASE_URL)) return null;
  return { email: DEMO_MERCHANT.email, password: DEMO_MERCHANT.password };
}
