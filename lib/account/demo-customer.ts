import "server-only";
import { DEMO_CUSTOMER } from "@/db/seed-data";
import { env } from "@/lib/env";
import { isRealFinpayHost } from "@/lib/env-schema";

/** The seeded demo login, shown on the sign-in page only while payments go to the local sandbox. */
export function demoCredentialsToShow(): { email: string; password: string } | null {
  if (isRealFinpayHost(env().FINPAY_BASE_URL)) return null;
  return { email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password };
}
