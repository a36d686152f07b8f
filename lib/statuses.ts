/**
 * The order and payment status vocabularies for code outside lib/ (components, pages), which does not import db/.
 * The values are defined once, as database enums in db/schema.ts.
 */
export type { OrderStatus, PaymentStatus } from "@/db/schema";
