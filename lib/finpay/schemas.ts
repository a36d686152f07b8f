/**
 * Zod schemas of every Finpay object, from docs/finpay-reference.md (§ numbers below are its sections).
 *
 * Two different jobs, two different strictness levels:
 * - Requests are ours. Objects whose full field list is documented are strict (a typo is an error,
 *   not a silently ignored field) and every documented length is enforced, so Finpay never has to
 *   tell us. Objects whose doc page was never read (card, sourceOfFunds, device, parts of
 *   transactionFiltering) are loose: unknown fields pass, since they may be real.
 * - Responses and callbacks are Finpay's. They are loose (extra members pass), nullable where a
 *   sample shows null, and check the types and formats we act on, not Finpay's length promises:
 *   a 101-character statusDesc must not make us drop a payment notification.
 *
 * Lines with an assumption marker (README.md, "Finpay: what is known and what is assumed") encode something the
 * reference marks as inferred or unknown.
 */
import { z } from "zod";

// ---------------------------------------------------------------------------------------------
// Field types

/** "Alpha Dash" is a Laravel rule: letters, digits, "-" and "_" [INFER:alpha-dash: §0, Laravel backend]. */
export const ALPHA_DASH_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Stored-card tokens in every doc sample are 64 lowercase hex characters [INFER:card-token-format: samples only, §7]. */
export const CARD_TOKEN_PATTERN = /^[0-9a-f]{64}$/;

/** E.164 with a leading "+": live Finpay rejects "0812…" as "Invalid Field Format" [LIVE, §3.3]. */
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;

/** `YYYY-MM-DD HH:MM:SS`, as in expiryLink and result.payment.datetime (WIB, see format.ts). */
export const FINPAY_DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

const YYYYMMDD_PATTERN = /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

const text = (min: number, max: number) => z.string().min(min).max(max);

const alphaDash = (min: number, max: number) =>
  z.string().min(min).max(max).regex(ALPHA_DASH_PATTERN, "Expected letters, digits, '-' or '_'");

/**
 * "Numeric" fields go out as strings of digits; max is the digit count. Every doc sample sends
 * amounts as strings ("1000"), and Laravel's numeric rule accepts numeric strings [INFER:numeric-strings: that the
 * rule behind "Numeric" is Laravel's]. IDR has no decimals, so no decimal point.
 */
const numeric = (max: number) => z.string().regex(/^\d+$/, "Expected a string of digits").max(max);

/** A payable amount: digits, no leading zero, so never "0". */
const positiveAmount = z.string().regex(/^[1-9]\d*$/, "Expected a positive whole number as a string").max(14);

/** Redirect and callback targets: http(s) only, so no javascript: or data: URL can slip through. */
const httpUrl = z.url({ protocol: /^https?$/ }).max(320);

const phone = z.string().max(20).regex(E164_PATTERN, "Expected an E.164 number such as +6281234567890");

// ---------------------------------------------------------------------------------------------
// Initiate request (§3): POST /pg/payment/card/initiate

/** Order Item Object (§3.2). C = conditional, optional here; card flows tighten it below. */
export const orderItemSchema = z.strictObject({
  name: text(1, 127).optional(),
  quantity: numeric(3).optional(),
  unitPrice: numeric(14).optional(), // [INFER:unread-field-limits] length: the doc table is cut off here; same as other amounts
  sku: text(1, 127).optional(),
  brand: text(1, 127).optional(),
  category: text(1, 127).optional(),
  description: text(1, 127).optional(),
  industryCategory: text(1, 127).optional(),
  unitDiscountAmount: numeric(14).optional(),
  unitOfMeasure: text(1, 10).optional(),
  unitTaxAmount: numeric(14).optional(), // [INFER:unread-field-limits] length: the doc table is cut off here
  subMerchantId: text(1, 30).optional(), // [INFER:unread-field-limits] length unknown; seen in the bill-payment variant only
});

/** [INFER:unread-objects] shape: the reference names the criteria but not their form; taken as lists of strings. */
const cardFilterSchema = z.looseObject({
  cardBin: z.array(text(1, 19)).min(1).optional(),
  cardType: z.array(text(1, 50)).min(1).optional(),
  cardBrand: z.array(text(1, 50)).min(1).optional(),
  cardIssuingName: z.array(text(1, 127)).min(1).optional(),
  cardIssuingCountry: z.array(text(1, 50)).min(1).optional(),
});

export const transactionFilteringSchema = z.strictObject({
  accepted: cardFilterSchema.optional(),
  rejected: cardFilterSchema.optional(),
  point: z.looseObject({}).optional(), // [INFER:unread-objects] shape unknown (doc "point" object not read)
});

export const orderSchema = z.strictObject({
  id: alphaDash(1, 30),
  amount: numeric(14).optional(),
  currency: z.string().length(3).optional(), // Finpay defaults to IDR
  description: text(1, 127).optional(),
  timeout: numeric(8).optional(), // minutes, Finpay's default 1440
  itemAmount: numeric(14).optional(),
  localTaxRegistrationId: text(1, 25).optional(),
  merchantCategoryCode: z.string().length(4).optional(),
  surchargeAmount: numeric(14).optional(), // doc says String 1–14; it is an amount, so digits [INFER:numeric-strings]
  item: z.array(orderItemSchema).min(1).max(100).optional(),
  transactionFiltering: transactionFilteringSchema.optional(),
  reference: text(1, 40).optional(), // [INFER:order-reference] the unlisted 12th order field; length from result.reference
});

export const customerSchema = z.strictObject({
  id: text(1, 320).optional(), // stored cards hang off this id [INFER:customer-id-key]
  email: z.email().max(320).optional(),
  firstName: text(1, 50).optional(),
  lastName: text(1, 50).optional(),
  mobilePhone: phone.optional(), // doc max 20; E.164 allows at most 16 characters anyway
  phone: z.string().max(15).regex(/^\+?\d+$/, "Expected a phone number").optional(), // [INFER:unread-field-limits] format of "Telepon"
  taxRegistrationId: text(1, 30).optional(),
  account: z.strictObject({ id: text(1, 320) }).optional(), // [INFER:unread-field-limits] length of account.id unknown
});

/** url (§3.4): four fields [DOC count], names from the OpenAPI and the official plugin, lengths [CODE]. */
export const urlSchema = z.strictObject({
  callbackUrl: httpUrl,
  successUrl: httpUrl.optional(),
  failUrl: httpUrl.optional(),
  backUrl: httpUrl.optional(),
});

const addressFields = {
  city: text(1, 100).optional(),
  company: text(1, 100).optional(),
  country: z.string().length(3).optional(), // ISO alpha-3, e.g. "IDN"
  postcodeZip: alphaDash(1, 10).optional(),
  stateProvince: text(1, 20).optional(),
  stateProvinceCode: text(1, 3).optional(),
  street: text(1, 100).optional(),
  street2: text(1, 100).optional(),
};

/** [INFER:billing-address-lengths] billing address lengths: only the shipping address table has them; taken to be the same. */
export const billingAddressSchema = z.strictObject(addressFields);

export const billingSchema = z.strictObject({
  address: billingAddressSchema.optional(),
  // Bill-payment product only; field lengths unknown [INFER:unread-field-limits].
  billerServiceProvider: z
    .strictObject({
      customerId: text(1, 100).optional(),
      id: text(1, 100).optional(),
      subId: text(1, 100).optional(),
      type: text(1, 100).optional(),
    })
    .optional(),
});

export const shippingAddressSchema = z.strictObject({
  ...addressFields,
  source: text(1, 20).optional(),
  sameAsBilling: text(1, 20).optional(), // [INFER:unread-field-limits] type: the only known value is "SAME"
});

export const shippingSchema = z.strictObject({
  method: text(1, 20).optional(), // enum, e.g. SAME_DAY; the list is not public
  origin: z.strictObject({ postcodeZip: alphaDash(1, 10).optional() }).optional(),
  // [INFER:unread-field-limits] contact lengths: taken from the customer object
  contact: z
    .strictObject({
      email: z.email().max(320).optional(),
      firstName: text(1, 50).optional(),
      lastName: text(1, 50).optional(),
      mobilePhone: phone.optional(),
      phone: z.string().max(15).regex(/^\+?\d+$/, "Expected a phone number").optional(),
    })
    .optional(),
  address: shippingAddressSchema.optional(),
});

/** meta (§3.8): `{data}`, echoed back in callbacks and status [INFER:meta-echo]. */
export const metaSchema = z.strictObject({ data: z.unknown() });

/** MPGS values; NOT_STORED is [INFER:unread-field-limits: from MPGS]. */
export const storedOnFileSchema = z.enum(["TO_BE_STORED", "STORED", "NOT_STORED"]);

/**
 * card (§3.5): the doc page was not read, so the object is loose. token/storedOnFile [DOC samples];
 * number/expiryDate/cvv/nameOnCard [CODE, two third-party integrations]; the 7th field is unknown.
 * Basic and two-click never send card data: the customer types it on Finpay's page.
 */
export const cardRequestSchema = z
  .looseObject({
    token: z.string().regex(CARD_TOKEN_PATTERN, "Expected a 64-character lowercase hex token").optional(),
    storedOnFile: storedOnFileSchema.optional(),
    number: z.string().regex(/^\d{12,19}$/, "Expected 12 to 19 digits").optional(), // [INFER:unread-field-limits] via [CODE]
    expiryDate: z.string().regex(/^\d{2}(0[1-9]|1[0-2])$/, "Expected YYMM").optional(), // [INFER:unread-field-limits] via [CODE]
    cvv: z.string().regex(/^\d{3,4}$/, "Expected 3 or 4 digits").optional(), // [INFER:unread-field-limits] via [CODE]
    nameOnCard: text(1, 256).optional(), // [INFER:unread-field-limits] length from MPGS
  })
  .superRefine((card, ctx) => {
    // Paying with a stored card means naming it (two-click and one-click samples) [DOC].
    if (card.storedOnFile === "STORED" && card.token === undefined) {
      ctx.addIssue({ code: "custom", path: ["token"], message: "Required when storedOnFile is STORED" });
    }
  });

const recurringRetrySchema = z.strictObject({
  interval: numeric(2).optional(),
  intervalUnit: text(1, 20).optional(),
  maxInterval: numeric(2).optional(),
}); // [INFER:unread-field-limits] field types: known only from the doc sample, taken to match the top-level ones

/** recurring (§3.6). Rows 9–11 (endDate, retry, subscribe) come from the doc sample only. */
export const recurringSchema = z
  .strictObject({
    productCode: text(1, 6).optional(),
    // The doc says 1–6, yet its own sample value "PURCHASE" has 8 characters, so cap at 20 [INFER:unread-field-limits].
    type: text(1, 20).optional(),
    id: text(1, 30).optional(),
    amount: numeric(14).optional(),
    interval: numeric(2).optional(),
    intervalUnit: text(1, 20).optional(), // e.g. "monthly", "minutes"
    maxInterval: numeric(2).optional(),
    startDate: z.string().regex(YYYYMMDD_PATTERN, "Expected YYYYMMDD").optional(),
    endDate: z.string().regex(YYYYMMDD_PATTERN, "Expected YYYYMMDD").optional(),
    retry: recurringRetrySchema.optional(),
    subscribe: z.enum(["Y", "N"]).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.subscribe === "Y") {
      if (r.type === undefined) ctx.addIssue({ code: "custom", path: ["type"], message: "Required when subscribe is Y" });
      if (r.id === undefined) ctx.addIssue({ code: "custom", path: ["id"], message: "Required when subscribe is Y" });
    }
    if ((r.type === "PURCHASE" || r.type === "TOPUP") && r.amount === undefined) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "Required when type is PURCHASE or TOPUP" });
    }
  });

/** sourceOfFunds (§3.7): 11 fields, 4 known, so loose. `type` picks the channel; "cc" is card. */
export const sourceOfFundsRequestSchema = z.looseObject({
  type: text(1, 30), // [INFER:unread-field-limits] length; the longest known id is "shopeepaylater"
  paymentCode: text(1, 30).optional(),
  accountId: text(1, 30).optional(), // [INFER:unread-field-limits] length; OVO needs it [LIVE]
  channel: text(1, 6).optional(), // [INFER:unread-field-limits] length from result.channel
});

/** device (§3.8): field names [CODE] matching MPGS device.*; lengths from MPGS [INFER:unread-field-limits]. */
export const deviceSchema = z.looseObject({
  ani: text(1, 10).optional(),
  aniCallType: text(1, 2).optional(),
  browser: text(1, 2048).optional(),
  fingerprint: text(1, 4000).optional(),
  hostname: text(1, 60).optional(),
  ipAddress: z.ipv4().optional(),
  mobilePhoneModel: text(1, 255).optional(),
});

/**
 * The whole initiate body, with the "Basic" column of the top-level table (§3.1): order, customer,
 * url and sourceOfFunds mandatory. Member order follows the doc samples (customer before order).
 */
export const initiateRequestSchema = z.strictObject({
  customer: customerSchema,
  order: orderSchema,
  url: urlSchema,
  billing: billingSchema.optional(),
  shipping: shippingSchema.optional(),
  meta: metaSchema.optional(),
  card: cardRequestSchema.optional(),
  recurring: recurringSchema.optional(),
  sourceOfFunds: sourceOfFundsRequestSchema,
  device: deviceSchema.optional(),
});

// --- Card flows: basic, save card, two-click. What the doc leaves "conditional" becomes mandatory.

/**
 * [INFER:card-flow-required-fields] For card payments all five identity fields are required: live Finpay rejects a missing
 * mobilePhone [LIVE], the official plugin never sends an empty lastName [CODE], and stored cards
 * hang off customer.id.
 */
export const cardFlowCustomerSchema = customerSchema.extend({
  id: text(1, 320),
  email: z.email().max(320),
  firstName: text(1, 50),
  lastName: text(1, 50),
  mobilePhone: phone,
});

/** [INFER:card-flow-required-fields] An item of a card payment names what was bought, how many, and for how much. */
export const cardFlowOrderItemSchema = orderItemSchema.extend({
  name: text(1, 127),
  quantity: z.string().regex(/^[1-9]\d*$/, "Expected a positive whole number as a string").max(3),
  unitPrice: numeric(14),
});

/** A payment needs an amount above zero and a description (both C in the doc) [INFER:card-flow-required-fields]. */
export const cardFlowOrderSchema = orderSchema.extend({
  amount: positiveAmount,
  description: text(1, 127),
  item: z.array(cardFlowOrderItemSchema).min(1).max(100).optional(),
});

export const cardSourceOfFundsSchema = sourceOfFundsRequestSchema.extend({ type: z.literal("cc") });

/** Basic card payment ("Pembayaran Dasar"): card optional. */
export const basicCardPaymentRequestSchema = initiateRequestSchema.extend({
  customer: cardFlowCustomerSchema,
  order: cardFlowOrderSchema,
  sourceOfFunds: cardSourceOfFundsSchema,
});

/** Save card: a basic payment asking Finpay to store the card after authorisation (§7). */
export const saveCardPaymentRequestSchema = basicCardPaymentRequestSchema.extend({
  card: z.looseObject({
    storedOnFile: z.literal("TO_BE_STORED"),
    token: z.never("A card being stored has no token yet").optional(),
  }),
});

/** Two-click: pay with a stored card; the customer enters only the CVV on Finpay's page (§7). */
export const twoClickPaymentRequestSchema = basicCardPaymentRequestSchema.extend({
  card: z.looseObject({
    token: z.string().regex(CARD_TOKEN_PATTERN, "Expected a 64-character lowercase hex token"),
    storedOnFile: z.literal("STORED"),
  }),
});

export type FinpayOrderItem = z.infer<typeof orderItemSchema>;
export type FinpayOrder = z.infer<typeof orderSchema>;
export type FinpayCustomer = z.infer<typeof customerSchema>;
export type FinpayUrls = z.infer<typeof urlSchema>;
export type FinpayBilling = z.infer<typeof billingSchema>;
export type FinpayShipping = z.infer<typeof shippingSchema>;
export type FinpayMeta = z.infer<typeof metaSchema>;
export type FinpayCardRequest = z.infer<typeof cardRequestSchema>;
export type FinpayRecurring = z.infer<typeof recurringSchema>;
export type FinpaySourceOfFundsRequest = z.infer<typeof sourceOfFundsRequestSchema>;
export type FinpayDevice = z.infer<typeof deviceSchema>;
export type FinpayInitiateRequest = z.infer<typeof initiateRequestSchema>;
export type BasicCardPaymentRequest = z.infer<typeof basicCardPaymentRequestSchema>;
export type SaveCardPaymentRequest = z.infer<typeof saveCardPaymentRequestSchema>;
export type TwoClickPaymentRequest = z.infer<typeof twoClickPaymentRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Responses (§4, §6)

/** 7 digits: HTTP(3) + service(2) + case(2) [DOC format; INFER:response-codes: service code 00 for PG]. */
export const responseCodeSchema = z.string().regex(/^\d{7}$/, "Expected a 7-digit response code");

/**
 * [TOLERANT:response-amounts] Amounts come back as JSON numbers (§4.2: "amount":1000) while requests send strings; a numeric
 * string ("1000", "1000.00") is taken as the same amount.
 */
export const responseAmountSchema = z.union([
  z.number().nonnegative(),
  z.string().regex(/^\d+(\.\d+)?$/).transform(Number),
]);

/**
 * Any Finpay answer that is not a success: `{responseCode, responseMessage, processingTime, traceId?}`
 * [INFER:response-codes: shape from samples]. Only the code is required: it is all we need to classify the error.
 */
export const errorResponseSchema = z.looseObject({
  responseCode: responseCodeSchema,
  responseMessage: z.string().nullish(),
  processingTime: z.number().nullish(),
  traceId: z.string().nullish(), // [DOC+CODE] seen on cancel and in one client
});

/** Cancel and delete answer just the envelope (§4.3). */
export const ackResponseSchema = z.looseObject({
  responseCode: responseCodeSchema,
  responseMessage: z.string(),
  processingTime: z.number().nullish(),
  traceId: z.string().nullish(),
});

/**
 * [TOLERANT:redirecturl-spelling] The payment link under another spelling: the doc writes `redirecturl` (lowercase "u"); camelCase and
 * snake_case variants are taken as the same link, so a spelling change at Finpay does not strand a created order.
 */
export const REDIRECT_URL_ALIASES = ["redirectUrl", "redirectURL", "redirect_url"] as const;

function withRedirectUrlAlias(value: unknown): unknown {
  if (typeof value !== "object" || value === null || "redirecturl" in value) return value;
  const record = value as Record<string, unknown>;
  const alias = REDIRECT_URL_ALIASES.find((name) => typeof record[name] === "string");
  return alias ? { ...record, redirecturl: record[alias] } : value;
}

const ZONED_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * [TOLERANT:expiry-link-form] expiryLink in any of its plausible forms, written back as Finpay's `YYYY-MM-DD HH:MM:SS` in WIB:
 * the documented form as it is; ISO 8601 with a "T" or fractional seconds (no zone: WIB, as ever); with a zone
 * (`Z`, `+07:00`, `+0700`), converted to WIB. Missing or unreadable: null, and the caller uses its own link
 * lifetime; the link itself is what matters, so an odd expiry must not fail a payment Finpay has already opened.
 */
export function normaliseExpiryLink(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = ZONED_DATETIME.exec(value.trim());
  if (!match) return null;
  const [, day, time, zone] = match;
  if (!zone) return `${day} ${time}`;
  const instant = new Date(`${day}T${time}${zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`}`);
  if (Number.isNaN(instant.getTime())) return null;
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** Initiate response (§4.1). redirecturl is lowercase "u" on the wire. */
const initiateResponseObject = z.looseObject({
  responseCode: responseCodeSchema,
  responseMessage: z.string(),
  paymentCode: z.string().nullish(), // VA and paycode channels
  // The customer is sent here, so it must be an http(s) URL and nothing else.
  redirecturl: z.url({ protocol: /^https?$/ }),
  expiryLink: z.unknown().optional().transform(normaliseExpiryLink),
  processingTime: z.number(),
  appurl: z.string().nullish(), // may be an app deep link, so not checked as http(s)
  imageurl: z.string().nullish(),
  accountList: z.array(z.unknown()).nullish(), // element shape unknown [INFER:unread-objects]
  stringQr: z.string().nullish(), // QRIS only; name read by integrations [CODE, LIVE]
  traceId: z.string().nullish(),
});
export const initiateResponseSchema = z.preprocess(withRedirectUrlAlias, initiateResponseObject);

export const cardInfoSchema = z.looseObject({
  brand: z.string().nullish(), // e.g. MASTERCARD
  issuing: z.string().nullish(),
  type: z.string().nullish(), // CREDIT / DEBIT
  subType: z.string().nullish(),
  country: z.string().nullish(),
});

/** The card as Finpay reports it: a mask such as "512345xxxxxx0008", never the number. */
export const responseCardSchema = z.looseObject({
  mask: z.string().nullish(),
  info: cardInfoSchema.nullish(),
});

/**
 * [INFER:callback-bounds] Bounds on what is looked up and stored: our order ids have at most 30 characters and the longest known status
 * 17 (REQUEST_INITIATED), so anything past these (or holding a NUL or other control character) is not a payment
 * of ours, and is refused as invalid rather than failing in the database.
 */
export const MAX_RESPONSE_ORDER_ID_LENGTH = 64;
export const MAX_STATUS_LENGTH = 40;
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

/** Result Object `payment` (§5.1). The doc's "1–9" length for status is wrong (REQUEST_INITIATED). */
export const paymentResultSchema = z.looseObject({
  status: z.string().min(1).max(MAX_STATUS_LENGTH).regex(NO_CONTROL_CHARACTERS, "Expected no control characters"),
  amount: responseAmountSchema.nullish(),
  statusDesc: z.string().nullish(),
  userDesc: z.string().nullish(), // [CODE] not in the doc table
  datetime: z.string().nullish(), // YYYY-MM-DD hh:mi:ss, WIB [INFER:wib-times]
  reference: z.string().nullish(), // acquirer reference, e.g. "016460"
  channel: z.string().nullish(),
});

/**
 * A transaction as the status check (`data`) and the callback both describe it (§4.2, §5.1).
 * [TOLERANT:loose-responses] Extra members and nulls are accepted everywhere; only what is acted on is required.
 * order is mandatory; result is "O" in the callback table but carries the status, so a body
 * without it is still accepted and means "no news" (see statuses.ts).
 */
export const transactionSchema = z.looseObject({
  customer: z.looseObject({ id: z.string().nullish() }).nullish(),
  order: z.looseObject({
    id: z.string().min(1).max(MAX_RESPONSE_ORDER_ID_LENGTH).regex(NO_CONTROL_CHARACTERS, "Expected no control characters"),
    reference: z.string().nullish(), // Finpay's reference; orderId + "1000000000" in samples
    amount: responseAmountSchema,
    currency: z.string().nullish(),
  }),
  card: responseCardSchema.nullish(), // present for card payments once a card was entered
  meta: z.looseObject({ data: z.unknown() }).nullish(),
  // Not in the PG doc table; real callbacks carry them [CODE: official plugin reads sourceOfFunds.type].
  sourceOfFunds: z
    .looseObject({ type: z.string().nullish(), paymentCode: z.string().nullish(), channel: z.string().nullish() })
    .nullish(),
  merchant: z.looseObject({ id: z.string().nullish() }).nullish(), // [CODE]
  transaction: z.looseObject({ acquirerId: z.string().nullish() }).nullish(), // [CODE]
  result: z.looseObject({ payment: paymentResultSchema }).nullish(),
});

/** GET /pg/payment/card/check/{orderId} (§4.2). */
export const checkStatusResponseSchema = z.looseObject({
  responseCode: responseCodeSchema,
  responseMessage: z.string(),
  data: transactionSchema,
  processingTime: z.number().nullish(),
  traceId: z.string().nullish(),
});

/** The callback body (§5.1): a transaction plus its signature. Loose: real callbacks carry more. */
export const callbackPayloadSchema = transactionSchema.extend({
  signature: z.string().regex(/^[0-9a-fA-F]{128}$/, "Expected 128 hex characters"),
});

export type FinpayErrorResponse = z.infer<typeof errorResponseSchema>;
export type FinpayAckResponse = z.infer<typeof ackResponseSchema>;
export type FinpayInitiateResponse = z.infer<typeof initiateResponseSchema>;
export type FinpayCardInfo = z.infer<typeof cardInfoSchema>;
export type FinpayResponseCard = z.infer<typeof responseCardSchema>;
export type FinpayPaymentResult = z.infer<typeof paymentResultSchema>;
export type FinpayTransaction = z.infer<typeof transactionSchema>;
export type FinpayCheckStatusResponse = z.infer<typeof checkStatusResponseSchema>;
export type FinpayCallbackPayload = z.infer<typeof callbackPayloadSchema>;

/** Dotted path with numeric indexes, the form Finpay uses in its messages: `order.item.0.name`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}
