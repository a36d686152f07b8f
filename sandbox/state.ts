import { z } from "zod";
import type { Persistence } from "./persistence";

/**
 * The sandbox's durable state: orders and stored cards. The zod schemas are the single source of the types
 * and also check the JSON file on load, so a hand-edited or truncated file fails loudly instead of half-working.
 */

export const ORDER_STATUSES = [
  "REQUEST_INITIATED",
  "CAPTURED",
  "FAILURE",
  "EXPIRED",
  "CANCELLED",
  // Money back after CAPTURED (payments.ts voidPayment / refund).
  "VOIDED",
  "PARTIALLY_REFUNDED",
  "REFUNDED",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const CardInfoSchema = z.object({
  brand: z.string(),
  issuing: z.string(),
  type: z.string(),
  subType: z.string(),
  country: z.string(),
});

/** The card as the order remembers it: never the PAN or CVV. */
const OrderCardSchema = z.object({
  mask: z.string(),
  expiryDate: z.string(), // YYMM, as card.expiryDate in requests
  info: CardInfoSchema,
});
export type OrderCard = z.infer<typeof OrderCardSchema>;

/** A card waiting for the customer's one-time code on the 3-D Secure page. */
const PendingChallengeSchema = z.object({
  card: OrderCardSchema,
  fingerprint: z.string(),
  save: z.boolean(),
});
export type PendingChallenge = z.infer<typeof PendingChallengeSchema>;

export const OrderSchema = z.object({
  id: z.string(),
  reference: z.string(),
  /** The 64-hex part of redirecturl; knowing it is what lets a browser pay the order. */
  accessToken: z.string(),
  amount: z.number(),
  currency: z.string(),
  description: z.string().nullable(),
  customer: z.object({
    id: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    mobilePhone: z.string(),
  }),
  urls: z.object({
    callbackUrl: z.string(),
    successUrl: z.string().optional(),
    failUrl: z.string().optional(),
    backUrl: z.string().optional(),
  }),
  /** `order.item`, shown in the page's summary (a delivery line among them). Older state files have none. */
  items: z.array(z.object({ name: z.string(), quantity: z.number(), unitPrice: z.number() })).default([]),
  /** Where the merchant ships the order (`shipping`), shown in the page's summary. */
  shipping: z
    .object({
      method: z.string().nullable(),
      recipient: z.string().nullable(),
      /** The address as lines: street, street2, "city, province postcode". */
      lines: z.array(z.string()),
    })
    .nullable()
    .default(null),
  /** `meta.data` of the request, echoed back as `meta: {data}` (null when absent, as in the samples). */
  metaData: z.unknown(),
  flow: z.enum(["basic", "two-click"]),
  storedOnFile: z.enum(["TO_BE_STORED", "NOT_STORED", "STORED"]).nullable(),
  /** Two-click only: the stored card being paid with. */
  cardToken: z.string().nullable(),
  status: z.enum(ORDER_STATUSES),
  statusDesc: z.string().nullable(),
  userDesc: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  /** result.payment.reference: the acquirer's 6-digit reference, set once a card was processed. */
  paymentReference: z.string().nullable(),
  card: OrderCardSchema.nullable(),
  challenge: PendingChallengeSchema.nullable(),
  /** Token of the card this payment stored (so tests and demos can find it). */
  storedCardToken: z.string().nullable(),
  /** Exact bytes of the last callback sent, for the "resend as duplicate" control. */
  lastCallbackBody: z.string().nullable(),
  /** When the acquirer settled the capture (control API "settle", or settleAfterMinutes): no void after it. */
  settledAt: z.iso.datetime().nullable().default(null),
  voidedAt: z.iso.datetime().nullable().default(null),
  /** Each refund Finpay accepted, whole rupiah. */
  refunds: z.array(z.object({ amount: z.number(), at: z.iso.datetime() })).default([]),
});
export type SandboxOrder = z.infer<typeof OrderSchema>;

export const StoredCardSchema = z.object({
  token: z.string(),
  customerId: z.string(),
  mask: z.string(),
  expiryDate: z.string(),
  info: CardInfoSchema,
  fingerprint: z.string(),
  /** A 3-D Secure test card asks for the code again on two-click payments. */
  requiresChallenge: z.boolean(),
  storedAt: z.iso.datetime(),
});
export type StoredCard = z.infer<typeof StoredCardSchema>;

export const StateFileSchema = z.object({
  version: z.literal(1),
  orders: z.array(OrderSchema),
  cards: z.array(StoredCardSchema),
});
export type StateFile = z.infer<typeof StateFileSchema>;

export class SandboxStore {
  private orders = new Map<string, SandboxOrder>();
  private ordersByAccessToken = new Map<string, SandboxOrder>();
  private cards = new Map<string, StoredCard>();

  constructor(
    private readonly persistence: Persistence,
    /** Cards every fresh state starts with (the seed two-click token). */
    private readonly seedCards: () => StoredCard[],
  ) {
    const loaded = persistence.load();
    if (loaded) {
      for (const order of loaded.orders) this.indexOrder(order);
      for (const card of loaded.cards) this.cards.set(card.token, card);
    } else {
      this.applySeed();
      this.changed();
    }
  }

  getOrder(id: string): SandboxOrder | undefined {
    return this.orders.get(id);
  }

  getOrderByAccessToken(accessToken: string): SandboxOrder | undefined {
    return this.ordersByAccessToken.get(accessToken);
  }

  listOrders(): SandboxOrder[] {
    return [...this.orders.values()];
  }

  /** Returns false when the order id is taken; check and insert happen in one synchronous step. */
  insertOrder(order: SandboxOrder): boolean {
    if (this.orders.has(order.id)) return false;
    this.indexOrder(order);
    this.changed();
    return true;
  }

  /** Orders are mutated in place by the payment service, which then calls this so the change is written. */
  changed(): void {
    this.persistence.save(() => this.snapshot());
  }

  listCards(customerId: string): StoredCard[] {
    return [...this.cards.values()].filter((card) => card.customerId === customerId);
  }

  listAllCards(): StoredCard[] {
    return [...this.cards.values()];
  }

  getCard(token: string): StoredCard | undefined {
    return this.cards.get(token);
  }

  /** Stores a card for a customer, or returns the token already stored for the same card (no duplicates). */
  saveCard(card: StoredCard): StoredCard {
    const existing = this.listCards(card.customerId).find((c) => c.fingerprint === card.fingerprint);
    if (existing) {
      // A new expiry date for the same number replaces the old one, as a re-issued card would.
      existing.expiryDate = card.expiryDate;
      this.changed();
      return existing;
    }
    this.cards.set(card.token, card);
    this.changed();
    return card;
  }

  deleteCard(token: string): boolean {
    const deleted = this.cards.delete(token);
    if (deleted) this.changed();
    return deleted;
  }

  reset(): void {
    this.orders.clear();
    this.ordersByAccessToken.clear();
    this.cards.clear();
    this.applySeed();
    this.changed();
  }

  snapshot(): StateFile {
    return { version: 1, orders: this.listOrders(), cards: this.listAllCards() };
  }

  flush(): Promise<void> {
    return this.persistence.flush();
  }

  private indexOrder(order: SandboxOrder): void {
    this.orders.set(order.id, order);
    this.ordersByAccessToken.set(order.accessToken, order);
  }

  private applySeed(): void {
    for (const card of this.seedCards()) this.cards.set(card.token, card);
  }
}
