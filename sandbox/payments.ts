import { randomBytes, randomInt } from "node:crypto";
import { phpJsonEncode, signCallback, withSignature } from "../lib/finpay/signature";
import type { CallbackDispatcher, Dispatch } from "./callbacks";
import {
  CHALLENGE_CODE,
  CHALLENGE_FAILED,
  DECLINE_REASONS,
  isDecliningCvv,
  panFingerprint,
  profileCard,
  TEST_CARDS,
  type CardProfile,
} from "./cards";
import type { Logger } from "./logger";
import { tokenTail } from "./logger";
import { callbackPayload } from "./payloads";
import type { OrderCard, OrderStatus, SandboxOrder, SandboxStore, StoredCard } from "./state";
import { addMinutes, type Clock } from "./time";
import type { InitiateRequest } from "./validation";
import { reshapeCallback, type CallbackVariants } from "./variants";

/**
 * The one place where orders change status. Hosted pages, the API and the control API all go through here, so
 * every transition stores what it must and sends exactly one callback.
 */

export const DEFAULT_TIMEOUT_MINUTES = 1440;

/** The seed two-click token of docs/finpay-reference.md §3.1, pre-stored so the seed's sample request works verbatim. */
export const SEED_CARD_TOKEN = "81b36a850c2e40458bad296f952084b516c919ca717d448722782769b81b9fd9";
export const SEED_CUSTOMER_ID = "hajar.finnet@gmail.com";

export function seedCards(now: Date): StoredCard[] {
  const mastercard = TEST_CARDS[0];
  if (!mastercard) return [];
  return [
    {
      token: SEED_CARD_TOKEN,
      customerId: SEED_CUSTOMER_ID,
      mask: "512345xxxxxx0008",
      expiryDate: "3901",
      info: { ...mastercard.info },
      fingerprint: panFingerprint(mastercard.number),
      requiresChallenge: false,
      storedAt: now.toISOString(),
    },
  ];
}

/** The delivery as the hosted page shows it. */
function shippingSummary(shipping: NonNullable<InitiateRequest["shipping"]>): SandboxOrder["shipping"] {
  const { address, contact } = shipping;
  const recipient = [contact?.firstName, contact?.lastName === "-" ? undefined : contact?.lastName].filter(Boolean).join(" ");
  const place = [address?.city, [address?.stateProvince, address?.postcodeZip].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return {
    method: shipping.method ?? null,
    recipient: recipient || null,
    lines: [address?.street, address?.street2, place].filter((line): line is string => Boolean(line)),
  };
}

export interface PaymentServiceDeps {
  store: SandboxStore;
  dispatcher: CallbackDispatcher;
  /** Reshapes the next callbacks when the control API asks for it. */
  variants: CallbackVariants;
  merchantId: string;
  merchantKey: string;
  clock: Clock;
  logger: Logger;
  /** See SandboxConfig.settleAfterMinutes. */
  settleAfterMinutes: number;
}

/** Why Finpay refused a void or refund (routes/api.ts turns it into a response code). */
export type MoneyBackRefusal = "not_permitted" | "invalid_status" | "over_remaining";
export type MoneyBackOutcome = { ok: true; dispatch: Dispatch } | { ok: false; refusal: MoneyBackRefusal; detail: string };

/** What happened to a card submission. */
export type SubmitOutcome =
  | { kind: "challenge" }
  | { kind: "completed"; status: OrderStatus; dispatch: Dispatch }
  | { kind: "not_payable"; status: OrderStatus };

export interface CardEntry {
  pan: string;
  /** YYMM */
  expiryDate: string;
  save: boolean;
  /** The CVV typed (checked for its form by the caller); DECLINING_CVV declines. Absent: a CVV that matches. */
  cvv?: string;
}

/** The CVV typed on the two-click page (or given to the control API). */
export interface StoredCardEntry {
  cvv?: string;
}

export class PaymentService {
  constructor(private readonly deps: PaymentServiceDeps) {}

  createOrder(request: InitiateRequest): SandboxOrder | "duplicate" {
    const now = this.deps.clock();
    const { order, customer, url, card, meta, shipping } = request;
    const created: SandboxOrder = {
      id: order.id,
      reference: `${order.id}1000000000`, // as in the status sample (docs/finpay-reference.md §4.2)
      accessToken: randomBytes(32).toString("hex"),
      amount: order.amount,
      currency: order.currency ?? "IDR",
      description: order.description ?? null,
      customer: {
        id: customer.id,
        email: customer.email,
        firstName: customer.firstName,
        lastName: customer.lastName,
        mobilePhone: customer.mobilePhone,
      },
      urls: {
        callbackUrl: url.callbackUrl,
        ...(url.successUrl ? { successUrl: url.successUrl } : {}),
        ...(url.failUrl ? { failUrl: url.failUrl } : {}),
        ...(url.backUrl ? { backUrl: url.backUrl } : {}),
      },
      items: (order.item ?? []).map((item) => ({ name: item.name, quantity: item.quantity, unitPrice: item.unitPrice })),
      shipping: shipping ? shippingSummary(shipping) : null,
      metaData: meta?.data ?? null,
      flow: card?.storedOnFile === "STORED" ? "two-click" : "basic",
      storedOnFile: card?.storedOnFile ?? null,
      cardToken: card?.storedOnFile === "STORED" ? (card.token ?? null) : null,
      status: "REQUEST_INITIATED",
      statusDesc: null,
      userDesc: null,
      createdAt: now.toISOString(),
      expiresAt: addMinutes(now, order.timeout ?? DEFAULT_TIMEOUT_MINUTES).toISOString(),
      completedAt: null,
      paymentReference: null,
      card: null,
      challenge: null,
      storedCardToken: null,
      lastCallbackBody: null,
      settledAt: null,
      voidedAt: null,
      refunds: [],
    };
    return this.deps.store.insertOrder(created) ? created : "duplicate";
  }

  /** True when the token is stored for this customer: the two-click ownership rule. */
  ownsCard(customerId: string, token: string): boolean {
    return this.deps.store.getCard(token)?.customerId === customerId;
  }

  /** Lazy expiry: every read of an order first settles an overdue one (and sends its EXPIRED callback). */
  refresh(order: SandboxOrder): SandboxOrder {
    if (this.isOverdue(order)) this.expire(order);
    return order;
  }

  /** The timer sweep: expires every overdue unpaid order; returns how many. */
  sweepExpired(): number {
    const overdue = this.deps.store.listOrders().filter((order) => this.isOverdue(order));
    for (const order of overdue) this.expire(order);
    return overdue.length;
  }

  private isOverdue(order: SandboxOrder): boolean {
    return order.status === "REQUEST_INITIATED" && this.deps.clock() >= new Date(order.expiresAt);
  }

  expire(order: SandboxOrder): Dispatch | null {
    if (order.status !== "REQUEST_INITIATED") return null;
    return this.complete(order, "EXPIRED", { statusDesc: "Payment link expired", userDesc: "The payment time limit has passed." });
  }

  /** Cancel sends no callback: the merchant asked for it and gets the answer synchronously. */
  cancel(order: SandboxOrder): boolean {
    this.refresh(order);
    if (order.status !== "REQUEST_INITIATED") return false;
    order.status = "CANCELLED";
    order.statusDesc = "Cancelled by merchant";
    order.completedAt = this.deps.clock().toISOString();
    order.challenge = null;
    this.deps.store.changed();
    this.deps.logger.info("order.cancelled", { orderId: order.id });
    return true;
  }

  /** Basic flow: a card typed on the hosted page (or given to the control API). */
  submitCard(order: SandboxOrder, entry: CardEntry): SubmitOutcome {
    this.refresh(order);
    if (order.status !== "REQUEST_INITIATED") return { kind: "not_payable", status: order.status };
    const profile = profileCard(entry.pan);
    const card = orderCard(profile, entry.expiryDate);
    const save = order.storedOnFile === "TO_BE_STORED" || (entry.save && order.storedOnFile !== "NOT_STORED");
    // The issuer checks the CVV first: a wrong one declines even the 3-D Secure card, and nothing is stored.
    if (entry.cvv !== undefined && isDecliningCvv(entry.cvv)) return this.authorise(order, "cvv_mismatch", card, null);
    if (profile.behaviour === "challenge") {
      order.challenge = { card, fingerprint: profile.fingerprint, save };
      this.deps.store.changed();
      return { kind: "challenge" };
    }
    return this.authorise(order, profile.behaviour, card, save ? { fingerprint: profile.fingerprint, requiresChallenge: false } : null);
  }

  /** Two-click flow: the stored card plus the CVV the customer just typed (its form checked by the caller). */
  submitStoredCard(order: SandboxOrder, entry: StoredCardEntry = {}): SubmitOutcome {
    this.refresh(order);
    if (order.status !== "REQUEST_INITIATED") return { kind: "not_payable", status: order.status };
    const stored = order.cardToken ? this.deps.store.getCard(order.cardToken) : undefined;
    if (!stored) {
      const dispatch = this.complete(order, "FAILURE", {
        statusDesc: "Stored card not found",
        userDesc: "The saved card is no longer available.",
      });
      return { kind: "completed", status: order.status, dispatch };
    }
    const card: OrderCard = { mask: stored.mask, expiryDate: stored.expiryDate, info: { ...stored.info } };
    if (entry.cvv !== undefined && isDecliningCvv(entry.cvv)) return this.authorise(order, "cvv_mismatch", card, null);
    if (stored.requiresChallenge) {
      order.challenge = { card, fingerprint: stored.fingerprint, save: false };
      this.deps.store.changed();
      return { kind: "challenge" };
    }
    return this.authorise(order, "approve", card, null);
  }

  /** The 3-D Secure page's answer. */
  answerChallenge(order: SandboxOrder, code: string): SubmitOutcome {
    this.refresh(order);
    const challenge = order.challenge;
    if (order.status !== "REQUEST_INITIATED" || !challenge) return { kind: "not_payable", status: order.status };
    order.challenge = null;
    if (code !== CHALLENGE_CODE) {
      order.card = challenge.card;
      const dispatch = this.complete(order, "FAILURE", CHALLENGE_FAILED, true);
      return { kind: "completed", status: order.status, dispatch };
    }
    return this.authorise(
      order,
      "approve",
      challenge.card,
      challenge.save ? { fingerprint: challenge.fingerprint, requiresChallenge: true } : null,
    );
  }

  /** Settled: by the control API, or settleAfterMinutes after the capture (the acquirer's daily batch). */
  isSettled(order: SandboxOrder): boolean {
    if (order.settledAt) return true;
    if (!order.completedAt || !["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"].includes(order.status)) return false;
    return this.deps.clock() >= addMinutes(new Date(order.completedAt), this.deps.settleAfterMinutes);
  }

  /** The control API's "settle" switch: the capture is settled now. False when there is no capture to settle. */
  settle(order: SandboxOrder): boolean {
    if (!["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"].includes(order.status)) return false;
    order.settledAt ??= this.deps.clock().toISOString();
    this.deps.store.changed();
    return true;
  }

  refundedAmount(order: SandboxOrder): number {
    return order.refunds.reduce((sum, refund) => sum + refund.amount, 0);
  }

  /**
   * Void: a captured payment, not yet settled and not refunded, is reversed in full. An unpaid order is "not
   * permitted" (as Finpay answers live); a second void, a settled or a refunded payment is "invalid status" [INFER:money-back-answers].
   */
  voidPayment(order: SandboxOrder): MoneyBackOutcome {
    this.refresh(order);
    if (!["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED"].includes(order.status)) {
      return { ok: false, refusal: "not_permitted", detail: `order is ${order.status}` };
    }
    if (order.status !== "CAPTURED") return { ok: false, refusal: "invalid_status", detail: `order is ${order.status}` };
    if (this.isSettled(order)) return { ok: false, refusal: "invalid_status", detail: "payment already settled" };
    order.status = "VOIDED";
    order.voidedAt = this.deps.clock().toISOString();
    this.deps.logger.info("order.voided", { orderId: order.id, amount: order.amount });
    return { ok: true, dispatch: this.sendCallback(order) };
  }

  /** Refund of part or all of what is left of a captured payment; settled or not. */
  refund(order: SandboxOrder, amount: number): MoneyBackOutcome {
    this.refresh(order);
    if (order.status !== "CAPTURED" && order.status !== "PARTIALLY_REFUNDED") {
      return { ok: false, refusal: "invalid_status", detail: `order is ${order.status}` };
    }
    const left = order.amount - this.refundedAmount(order);
    if (amount > left) return { ok: false, refusal: "over_remaining", detail: `amount ${amount} is more than the ${left} left` };
    order.refunds.push({ amount, at: this.deps.clock().toISOString() });
    order.status = amount === left ? "REFUNDED" : "PARTIALLY_REFUNDED";
    this.deps.logger.info("order.refunded", { orderId: order.id, amount, left: left - amount });
    return { ok: true, dispatch: this.sendCallback(order) };
  }

  /** Sends the order's last callback again, byte for byte: the duplicate a merchant must tolerate. */
  resendLast(order: SandboxOrder): Dispatch | null {
    if (!order.lastCallbackBody) return null;
    return this.deps.dispatcher.dispatch({
      orderId: order.id,
      paymentStatus: order.status,
      url: order.urls.callbackUrl,
      body: order.lastCallbackBody,
      kind: "duplicate",
      signatureValid: true,
      retry: true,
    });
  }

  /**
   * A callback signed with the wrong key. For an unpaid order it claims CAPTURED, which is the attack a merchant's
   * signature check exists to stop.
   */
  sendForged(order: SandboxOrder, status?: string): Dispatch {
    const claimed = status ?? (order.status === "REQUEST_INITIATED" ? "CAPTURED" : order.status);
    const base = callbackPayload(order, this.deps.merchantId);
    // Spreading keeps every member in its place, so the forged body is shaped exactly like a real one.
    const payload = { ...base, result: { payment: { ...base.result.payment, status: claimed } } };
    const signature = signCallback(payload, `${this.deps.merchantKey}-forged`);
    return this.deps.dispatcher.dispatch({
      orderId: order.id,
      paymentStatus: claimed,
      url: order.urls.callbackUrl,
      body: phpJsonEncode({ ...payload, signature }),
      kind: "forged",
      signatureValid: false,
      retry: false,
    });
  }

  private authorise(
    order: SandboxOrder,
    behaviour: CardProfile["behaviour"],
    card: OrderCard,
    store: { fingerprint: string; requiresChallenge: boolean } | null,
  ): SubmitOutcome {
    order.card = card;
    if (behaviour === "approve" || behaviour === "challenge") {
      // Finpay stores the card only after a successful authorisation (docs/finpay-reference.md §7).
      if (store) this.storeCard(order, card, store);
      const dispatch = this.complete(order, "CAPTURED", { statusDesc: null, userDesc: null }, true);
      return { kind: "completed", status: order.status, dispatch };
    }
    const dispatch = this.complete(order, "FAILURE", DECLINE_REASONS[behaviour], true);
    return { kind: "completed", status: order.status, dispatch };
  }

  private storeCard(order: SandboxOrder, card: OrderCard, from: { fingerprint: string; requiresChallenge: boolean }): void {
    const stored = this.deps.store.saveCard({
      token: randomBytes(32).toString("hex"),
      customerId: order.customer.id,
      mask: card.mask,
      expiryDate: card.expiryDate,
      info: { ...card.info },
      fingerprint: from.fingerprint,
      requiresChallenge: from.requiresChallenge,
      storedAt: this.deps.clock().toISOString(),
    });
    order.storedCardToken = stored.token;
    this.deps.logger.info("card.stored", { orderId: order.id, customerId: order.customer.id, token: tokenTail(stored.token) });
  }

  private complete(
    order: SandboxOrder,
    status: OrderStatus,
    reason: { statusDesc: string | null; userDesc: string | null },
    processed = false,
  ): Dispatch {
    order.status = status;
    order.statusDesc = reason.statusDesc;
    order.userDesc = reason.userDesc;
    order.completedAt = this.deps.clock().toISOString();
    order.challenge = null;
    // The acquirer's reference exists only when a card was actually processed.
    if (processed) order.paymentReference = String(randomInt(0, 1_000_000)).padStart(6, "0");
    this.deps.logger.info("order.completed", { orderId: order.id, status, mask: order.card?.mask ?? null });
    return this.sendCallback(order);
  }

  private sendCallback(order: SandboxOrder): Dispatch {
    const variant = this.deps.variants.take();
    const payload = callbackPayload(order, this.deps.merchantId);
    const body = phpJsonEncode(withSignature(variant ? reshapeCallback(payload, variant) : payload, this.deps.merchantKey));
    order.lastCallbackBody = body;
    this.deps.store.changed();
    return this.deps.dispatcher.dispatch({
      orderId: order.id,
      paymentStatus: variant?.status ?? order.status,
      url: order.urls.callbackUrl,
      contentType: variant?.contentType,
      body,
      kind: "notification",
      signatureValid: true,
      retry: true,
    });
  }
}

function orderCard(profile: CardProfile, expiryDate: string): OrderCard {
  return { mask: profile.mask, expiryDate, info: { ...profile.info } };
}
