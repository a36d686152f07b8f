import { z } from "zod";
import { FINPAY_SHIPPING_METHODS } from "../lib/finpay/delivery";
import { deviceSchema } from "../lib/finpay/schemas";
import { RESPONSE } from "./responses";

/**
 * Validation of POST /pg/payment/card/initiate for the card flows the sandbox simulates (basic, save-card,
 * two-click), following the tables of docs/finpay-reference.md §3. Where a rule is an inference it carries its assumption's marker (README.md).
 *
 * The first failing field wins and is reported Finpay-style: "Invalid Mandatory Field <path>" when the value is
 * absent or empty, otherwise "Invalid Field Format <path>". Paths use dots and numeric indexes (order.item.0.name).
 */

/** "Alpha Dash" is Laravel's rule: letters, digits, dash and underscore [INFER:alpha-dash]. */
const ALPHA_DASH = /^[A-Za-z0-9_-]+$/;
/** Indonesian E.164: +62, no trunk 0, at most 15 digits in all (live-verified that 08… is refused). */
const E164_INDONESIA = /^\+62[1-9]\d{6,12}$/;
const E164_ANY = /^\+[1-9]\d{6,13}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TOKEN = /^[0-9a-f]{64}$/;

const text = (min: number, max: number) => z.string().min(min).max(max);

/** Finpay's "Numeric": a JSON string of digits (as in every doc sample) or a non-negative integer. */
const numeric = (maxDigits: number, minValue = 0) =>
  z
    .union([z.string(), z.number()])
    .refine((v) => {
      const digits = typeof v === "number" ? (Number.isSafeInteger(v) ? String(v) : "") : v;
      return /^\d+$/.test(digits) && digits.length <= maxDigits && Number(digits) >= minValue;
    })
    .transform((v) => Number(v));

const httpUrl = z
  .string()
  .max(320)
  .refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  });

const looseObject = z.record(z.string(), z.unknown());

const OrderItemSchema = z.object({
  // [INFER:card-flow-required-fields] name, quantity and unitPrice are "C" in the docs; an item without them describes nothing.
  name: text(1, 127),
  quantity: numeric(3, 1),
  unitPrice: numeric(14),
  brand: text(1, 127).optional(),
  category: text(1, 127).optional(),
  description: text(1, 127).optional(),
  industryCategory: text(1, 127).optional(),
  sku: text(1, 127).optional(),
  unitDiscountAmount: numeric(14).optional(),
  unitOfMeasure: text(1, 10).optional(),
  unitTaxAmount: numeric(14).optional(),
});

const OrderSchema = z.object({
  id: text(1, 30).regex(ALPHA_DASH),
  amount: numeric(14, 1),
  // [INFER:idr-only] only IDR is simulated; other currencies are refused rather than silently treated as rupiah.
  currency: z.literal("IDR").optional(),
  description: text(1, 127).optional(),
  timeout: numeric(8, 1).optional(),
  itemAmount: numeric(14).optional(),
  localTaxRegistrationId: text(1, 25).optional(),
  merchantCategoryCode: z.string().regex(/^\d{4}$/).optional(),
  surchargeAmount: numeric(14).optional(),
  item: z.array(OrderItemSchema).min(1).max(100).optional(),
  transactionFiltering: looseObject.optional(),
});

const CustomerSchema = z.object({
  // [INFER:customer-id-key] "C" in the docs; mandatory here because stored cards and the callback's customer.id hang off it.
  id: text(1, 320),
  email: text(1, 320).regex(EMAIL),
  firstName: text(1, 50),
  // The official plugin sends "-" for an empty last name, so an empty one is refused [CODE; INFER:card-flow-required-fields].
  lastName: text(1, 50),
  mobilePhone: text(1, 20).regex(E164_INDONESIA),
  phone: text(1, 15).regex(E164_ANY).optional(),
  taxRegistrationId: text(1, 30).optional(),
  account: z.object({ id: text(1, 320) }).optional(),
});

const UrlSchema = z.object({
  callbackUrl: httpUrl,
  successUrl: httpUrl.optional(),
  failUrl: httpUrl.optional(),
  backUrl: httpUrl.optional(),
});

const CardSchema = z.object({
  token: z.string().regex(TOKEN).optional(),
  storedOnFile: z.enum(["TO_BE_STORED", "STORED", "NOT_STORED"]).optional(),
  // Core-API fields for PCI-scoped merchants [CODE]: format-checked, then ignored, because the sandbox always
  // collects the card on its hosted page.
  number: z.string().regex(/^\d{12,19}$/).optional(),
  expiryDate: z.string().regex(/^\d{2}(0[1-9]|1[0-2])$/).optional(),
  cvv: z.string().regex(/^\d{3,4}$/).optional(),
  nameOnCard: text(1, 50).optional(),
});

/** Address fields of billing and shipping (docs/finpay-reference.md §3.9); billing's lengths are taken to be shipping's [INFER:billing-address-lengths]. */
const addressFields = {
  city: text(1, 100).optional(),
  company: text(1, 100).optional(),
  country: z.string().regex(/^[A-Z]{3}$/).optional(), // ISO alpha-3, e.g. IDN
  postcodeZip: text(1, 10).regex(ALPHA_DASH).optional(),
  stateProvince: text(1, 20).optional(),
  stateProvinceCode: text(1, 3).optional(),
  street: text(1, 100).optional(),
  street2: text(1, 100).optional(),
};

const BillingSchema = z.object({
  address: z.object(addressFields).optional(),
  billerServiceProvider: looseObject.optional(),
});

const ShippingSchema = z.object({
  method: z.enum(FINPAY_SHIPPING_METHODS).optional(), // [INFER:shipping-method] MPGS's values, the assumption of lib/finpay/delivery.ts
  origin: z.object({ postcodeZip: text(1, 10).regex(ALPHA_DASH).optional() }).optional(),
  contact: z
    .object({
      email: text(1, 320).regex(EMAIL).optional(),
      firstName: text(1, 50).optional(),
      lastName: text(1, 50).optional(),
      mobilePhone: text(1, 20).regex(E164_INDONESIA).optional(),
      phone: text(1, 15).regex(E164_ANY).optional(),
    })
    .optional(),
  address: z.object({ ...addressFields, source: text(1, 20).optional(), sameAsBilling: text(1, 20).optional() }).optional(),
});

const SourceOfFundsSchema = z.object({
  type: text(1, 20),
  paymentCode: z.string().max(30).optional(),
});

/** Members in the order of the docs' request table, which is the order errors are looked for. */
const InitiateSchema = z.object({
  order: OrderSchema,
  customer: CustomerSchema,
  url: UrlSchema,
  billing: BillingSchema.optional(),
  shipping: ShippingSchema.optional(),
  meta: z.object({ data: z.unknown().optional() }).optional(),
  card: CardSchema.optional(),
  recurring: looseObject.optional(),
  sourceOfFunds: SourceOfFundsSchema,
  // The seven MPGS fields with their limits; ipAddress IPv4 only [INFER:device-ipv4], as lib/finpay assumes.
  device: deviceSchema.optional(),
});

export type InitiateRequest = z.infer<typeof InitiateSchema>;

export type ValidationResult =
  | { ok: true; request: InitiateRequest }
  | { ok: false; responseCode: string; responseMessage: string };

const mandatory = (path: string): ValidationResult => ({
  ok: false,
  responseCode: RESPONSE.invalidMandatory.code,
  responseMessage: `${RESPONSE.invalidMandatory.message} ${path}`,
});
const badFormat = (path: string): ValidationResult => ({
  ok: false,
  responseCode: RESPONSE.invalidFormat.code,
  responseMessage: `${RESPONSE.invalidFormat.message} ${path}`,
});

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

export function validateInitiate(body: unknown): ValidationResult {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return badFormat("body");

  const parsed = InitiateSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const dotted = path.map(String).join(".");
    return isAbsent(valueAt(body, path)) ? mandatory(dotted) : badFormat(dotted);
  }

  // Flow rules that depend on more than one field.
  const { card, sourceOfFunds, order } = parsed.data;
  // [INFER:items-add-up] Finpay checks that the items add up to the amount (lib/finpay/delivery.ts makes the same assumption).
  if (order.item && order.item.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0) !== order.amount) return badFormat("order.amount");
  if (card?.storedOnFile === "STORED" && !card.token) return mandatory("card.token");
  if (card?.token && card.storedOnFile === undefined) return mandatory("card.storedOnFile");
  if (card?.token && card.storedOnFile !== "STORED") return badFormat("card.storedOnFile");
  if (sourceOfFunds.type !== "cc") {
    // The sandbox simulates card payments only; Finpay answers this for channels not enabled on the account.
    return { ok: false, responseCode: RESPONSE.featureNotAllowed.code, responseMessage: RESPONSE.featureNotAllowed.message };
  }
  return { ok: true, request: parsed.data };
}
