/** Row types the console's components show (components never import db/). */
export type { MerchantAction, Refund } from "@/db/schema";
