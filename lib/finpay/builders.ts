/**
 * Pure builders of the initiate body for the three card flows, from the app's own terms.
 * Amounts are integer rupiah here and whole-rupiah strings on the wire. Optional inputs that are
 * absent stay absent, so the doc samples reproduce byte for byte. Every result is validated against
 * its flow's schema before it is returned; a bad input throws FinpayError (kind "validation",
 * operation "build") and nothing is sent.
 */
import type { z } from "zod";
import { buildAddress, buildDevice, buildShipping, checkItemsAddUp, type PaymentAddress, type PaymentDevice, type PaymentShipping } from "./delivery";
import { FinpayError, localValidationError } from "./errors";
import { lastNameForFinpay, toWireAmount } from "./format";
import {
  basicCardPaymentRequestSchema,
  saveCardPaymentRequestSchema,
  twoClickPaymentRequestSchema,
  type BasicCardPaymentRequest,
  type FinpayOrder,
  type FinpayOrderItem,
  type FinpayUrls,
  type SaveCardPaymentRequest,
  type TwoClickPaymentRequest,
} from "./schemas";

export interface PaymentCustomer {
  /** Stored cards hang off this id at Finpay, so keep it stable per customer (the samples use the email). */
  id: string;
  email: string;
  firstName: string;
  /** Empty or absent becomes "-", as the official plugin does: many Indonesians have one name. */
  lastName?: string;
  /** E.164, e.g. "+6281234567890". */
  mobilePhone: string;
}

export interface PaymentItem {
  name: string;
  quantity: number;
  /** Integer rupiah. */
  unitPrice: number;
  sku?: string;
  category?: string;
  description?: string;
  brand?: string;
}

export interface PaymentUrls {
  /** Server-to-server notification target. */
  callbackUrl: string;
  successUrl?: string;
  failUrl?: string;
  backUrl?: string;
}

export interface PaymentInput {
  customer: PaymentCustomer;
  /** Finpay order id: letters, digits, "-", "_", at most 30. One per payment attempt. */
  orderId: string;
  /** Integer rupiah. */
  amount: number;
  currency?: "IDR";
  description: string;
  items?: PaymentItem[];
  urls: PaymentUrls;
  /** Minutes until Finpay expires the payment link; Finpay's default is 1440. */
  timeoutMinutes?: number;
  /** Echoed back by Finpay in meta.data [INFER:meta-echo]. */
  meta?: unknown;
  /** Where the order goes and how: `shipping`, plus a delivery line in `order.item` (see delivery.ts). */
  shipping?: PaymentShipping;
  /** `billing.address`; usually the shipping address. */
  billingAddress?: PaymentAddress;
  /** The shopper's IP address and browser, sent as `device` under the rules of delivery.ts. */
  device?: PaymentDevice;
}

export interface TwoClickPaymentInput extends PaymentInput {
  /** A stored-card token from retrieveStoredCards(). */
  cardToken: string;
}

/** Basic card payment: the customer types the card on Finpay's page. */
export function buildBasicCardPayment(input: PaymentInput): BasicCardPaymentRequest {
  return validated(basicCardPaymentRequestSchema, assemble(input, undefined));
}

/** Basic card payment that asks Finpay to store the card once it is authorised. */
export function buildSaveCardPayment(input: PaymentInput): SaveCardPaymentRequest {
  return validated(saveCardPaymentRequestSchema, assemble(input, { storedOnFile: "TO_BE_STORED" }));
}

/** Two-click payment with a stored card: the customer enters only the CVV on Finpay's page. */
export function buildTwoClickPayment(input: TwoClickPaymentInput): TwoClickPaymentRequest {
  return validated(twoClickPaymentRequestSchema, assemble(input, { token: input.cardToken, storedOnFile: "STORED" }));
}

type CardMember = { storedOnFile: "TO_BE_STORED" } | { token: string; storedOnFile: "STORED" };

/**
 * Member order follows the doc samples: customer, order, url, then the optional objects in the order of the
 * request table (billing, shipping, meta, card), sourceOfFunds, device.
 */
function assemble(input: PaymentInput, card: CardMember | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = {
    customer: {
      id: input.customer.id,
      email: input.customer.email,
      firstName: input.customer.firstName,
      lastName: lastNameForFinpay(input.customer.lastName),
      mobilePhone: input.customer.mobilePhone,
    },
    order: buildOrder(input),
    url: buildUrls(input.urls),
  };
  if (input.billingAddress !== undefined) body.billing = { address: buildAddress(input.billingAddress) };
  if (input.shipping !== undefined) body.shipping = buildShipping(input.shipping);
  if (input.meta !== undefined) body.meta = { data: input.meta };
  if (card) body.card = card;
  body.sourceOfFunds = { type: "cc" };
  const device = input.device && buildDevice(input.device);
  if (device) body.device = device;
  return body;
}

function buildOrder(input: PaymentInput): FinpayOrder {
  const order: FinpayOrder = { id: input.orderId, amount: wireAmount(input.amount, "order.amount") };
  if (input.currency !== undefined) order.currency = input.currency;
  order.description = input.description;
  if (input.timeoutMinutes !== undefined) order.timeout = wireAmount(input.timeoutMinutes, "order.timeout");
  if (input.items !== undefined) order.item = [...input.items, ...deliveryLine(input.shipping)].map(buildItem);
  return order;
}

/** The delivery as one more item, so that what Finpay sees adds up to the amount (delivery.ts). */
function deliveryLine(shipping: PaymentShipping | undefined): PaymentItem[] {
  if (!shipping) return [];
  return [{ name: shipping.label, quantity: 1, unitPrice: shipping.cost, category: "Shipping", ...(shipping.sku !== undefined ? { sku: shipping.sku } : {}) }];
}

function buildItem(item: PaymentItem, index: number): FinpayOrderItem {
  const out: FinpayOrderItem = {
    name: item.name,
    quantity: wireAmount(item.quantity, `order.item.${index}.quantity`),
    unitPrice: wireAmount(item.unitPrice, `order.item.${index}.unitPrice`),
  };
  if (item.sku !== undefined) out.sku = item.sku;
  if (item.category !== undefined) out.category = item.category;
  if (item.description !== undefined) out.description = item.description;
  if (item.brand !== undefined) out.brand = item.brand;
  return out;
}

function buildUrls(urls: PaymentUrls): FinpayUrls {
  const out: FinpayUrls = { callbackUrl: urls.callbackUrl };
  if (urls.successUrl !== undefined) out.successUrl = urls.successUrl;
  if (urls.failUrl !== undefined) out.failUrl = urls.failUrl;
  if (urls.backUrl !== undefined) out.backUrl = urls.backUrl;
  return out;
}

function wireAmount(value: number, field: string): string {
  try {
    return toWireAmount(value);
  } catch (cause) {
    throw new FinpayError({
      kind: "validation",
      operation: "build",
      field,
      issues: [{ path: field, message: (cause as Error).message }],
      message: `Finpay build: invalid request (${field}: ${(cause as Error).message})`,
      cause,
    });
  }
}

/**
 * Checks the body against the flow schema and returns the body itself, not zod's output: zod
 * rebuilds objects in schema order, and the member order of the samples is part of the contract.
 */
function validated<S extends z.ZodType>(schema: S, body: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw localValidationError("build", result.error.issues);
  checkItemsAddUp(body.order as FinpayOrder);
  return body as z.infer<S>;
}
