import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const products = pgTable(
  "products",
  {
    id: serial("id").primaryKey(),
    slug: varchar("slug", { length: 80 }).notNull().unique(),
    name: varchar("name", { length: 127 }).notNull(),
    description: text("description").notNull(),
    // Integer rupiah: IDR has no minor unit, and Finpay takes whole rupiah.
    priceIdr: integer("price_idr").notNull(),
    imagePath: varchar("image_path", { length: 200 }).notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [check("products_price_positive", sql`${t.priceIdr} > 0`)],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: varchar("email", { length: 320 }).notNull(),
    passwordHash: text("password_hash").notNull(),
    firstName: varchar("first_name", { length: 50 }).notNull(),
    lastName: varchar("last_name", { length: 50 }).notNull(),
    // E.164, e.g. +6281234567890 (Finpay rejects other formats).
    mobilePhone: varchar("mobile_phone", { length: 20 }).notNull(),
    // Finpay's customer.id: stored cards hang off it, so it never changes when the email does.
    finpayCustomerId: varchar("finpay_customer_id", { length: 64 }).notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_lower_unique").on(sql`lower(${t.email})`)],
);

export const carts = pgTable(
  "carts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Null for a guest cart; a signed-in customer has at most one cart.
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("carts_user_unique").on(t.userId).where(sql`${t.userId} is not null`)],
);

export const cartItems = pgTable(
  "cart_items",
  {
    cartId: uuid("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    quantity: integer("quantity").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.productId] }),
    check("cart_items_quantity_range", sql`${t.quantity} between 1 and 99`),
  ],
);

/** Failed sign-in counters, in the database so that every app instance sees the same numbers. */
export const signInThrottles = pgTable(
  "sign_in_throttles",
  {
    // "email:<lowercased email>" or "ip:<address>"
    key: varchar("key", { length: 400 }).primaryKey(),
    failures: integer("failures").notNull().default(0),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [index("sign_in_throttles_locked_until_idx").on(t.lockedUntil)],
);

// ---------------------------------------------------------------------------------------------------------------
// Orders and payments. Only lib/payments/state-machine.ts changes the status columns below.

export const orderStatus = pgEnum("order_status", ["pending_payment", "paid", "failed", "expired", "cancelled", "refunded"]);
export const paymentStatus = pgEnum("payment_status", ["initiating", "pending", "paid", "failed", "expired", "cancelled", "refunded"]);
export const paymentMethod = pgEnum("payment_method", ["basic", "basic_save_card", "two_click"]);

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    status: orderStatus("status").notNull().default("pending_payment"),
    totalIdr: integer("total_idr").notNull(),
    currency: varchar("currency", { length: 3 }).notNull().default("IDR"),
    paidAttemptId: uuid("paid_attempt_id"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("orders_user_created_idx").on(t.userId, t.createdAt), check("orders_total_positive", sql`${t.totalIdr} > 0`)],
);

/** What was bought, at the price of the moment: later price changes do not rewrite history. */
export const orderItems = pgTable(
  "order_items",
  {
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    name: varchar("name", { length: 127 }).notNull(),
    unitPriceIdr: integer("unit_price_idr").notNull(),
    quantity: integer("quantity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.productId] }), check("order_items_quantity_range", sql`${t.quantity} between 1 and 99`)],
);

export const savedCards = pgTable(
  "saved_cards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    // Finpay's 64-hex card token. Never sent to the browser: forms refer to a card by our id.
    token: varchar("token", { length: 64 }).notNull(),
    mask: varchar("mask", { length: 32 }).notNull(),
    brand: varchar("brand", { length: 32 }).notNull(),
    cardType: varchar("card_type", { length: 32 }),
    expiry: varchar("expiry", { length: 4 }), // YYMM when Finpay tells it
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("saved_cards_user_token_unique").on(t.userId, t.token)],
);

/** One Finpay `order.id` per attempt to pay an order; a failed or expired order is paid again with a new attempt. */
export const paymentAttempts = pgTable(
  "payment_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    // Finpay's order.id: Alpha Dash, at most 30 characters, unique for the merchant.
    finpayOrderId: varchar("finpay_order_id", { length: 30 }).notNull().unique(),
    method: paymentMethod("method").notNull(),
    status: paymentStatus("status").notNull().default("initiating"),
    amountIdr: integer("amount_idr").notNull(),
    currency: varchar("currency", { length: 3 }).notNull().default("IDR"),
    // A double click or a resubmitted form carries the same key and finds this attempt instead of making another.
    idempotencyKey: varchar("idempotency_key", { length: 64 }).notNull().unique(),
    savedCardId: uuid("saved_card_id").references(() => savedCards.id),
    redirectUrl: varchar("redirect_url", { length: 320 }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    finpayStatus: varchar("finpay_status", { length: 40 }),
    failureMessage: text("failure_message"),
    // A success on an order that another attempt had already paid: money taken twice, shown on the order.
    duplicatePayment: boolean("duplicate_payment").notNull().default(false),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    settledAt: timestamp("settled_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("payment_attempts_order_idx").on(t.orderId, t.createdAt),
    // At most one attempt per order can still be paid at the gateway.
    uniqueIndex("payment_attempts_one_live_per_order").on(t.orderId).where(sql`${t.status} in ('initiating', 'pending')`),
    index("payment_attempts_live_idx").on(t.createdAt).where(sql`${t.status} in ('initiating', 'pending')`),
    check("payment_attempts_amount_positive", sql`${t.amountIdr} > 0`),
  ],
);

/** Every callback as received, valid or not, and what it changed. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    attemptId: uuid("attempt_id").references(() => paymentAttempts.id),
    finpayOrderId: varchar("finpay_order_id", { length: 64 }),
    source: varchar("source", { length: 20 }).notNull(), // "callback" | "status_check"
    rawBody: text("raw_body").notNull(),
    signatureValid: boolean("signature_valid"),
    finpayStatus: varchar("finpay_status", { length: 40 }),
    outcome: varchar("outcome", { length: 40 }).notNull(),
    detail: text("detail"),
    flagged: boolean("flagged").notNull().default(false),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("payment_events_attempt_idx").on(t.attemptId, t.receivedAt)],
);

/** Each request sent to Finpay and its answer, with secrets removed and tokens shortened (the payment inspector). */
export const gatewayExchanges = pgTable(
  "gateway_exchanges",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    attemptId: uuid("attempt_id").references(() => paymentAttempts.id),
    operation: varchar("operation", { length: 40 }).notNull(),
    method: varchar("method", { length: 8 }).notNull(),
    url: text("url").notNull(),
    requestBody: jsonb("request_body"),
    httpStatus: integer("http_status"),
    responseBody: jsonb("response_body"),
    errorKind: varchar("error_kind", { length: 40 }),
    errorMessage: text("error_message"),
    durationMs: integer("duration_ms").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("gateway_exchanges_attempt_idx").on(t.attemptId, t.startedAt)],
);

export type Product = typeof products.$inferSelect;
export type User = typeof users.$inferSelect;
export type Cart = typeof carts.$inferSelect;
export type CartItem = typeof cartItems.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type OrderItem = typeof orderItems.$inferSelect;
export type PaymentAttempt = typeof paymentAttempts.$inferSelect;
export type SavedCard = typeof savedCards.$inferSelect;
export type PaymentEvent = typeof paymentEvents.$inferSelect;
export type GatewayExchange = typeof gatewayExchanges.$inferSelect;
export type OrderStatus = (typeof orderStatus.enumValues)[number];
export type PaymentStatus = (typeof paymentStatus.enumValues)[number];
export type PaymentMethod = (typeof paymentMethod.enumValues)[number];
