import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
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
import type { PaymentEventOutcome } from "./event-outcomes";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** The catalog's shelves (Kopi & Teh, Makanan, …), in the order the shop shows them. */
export const categories = pgTable("categories", {
  id: serial("id").primaryKey(),
  slug: varchar("slug", { length: 60 }).notNull().unique(),
  // Bahasa Indonesia is the shop's first language; the English name sits beside it, as on products.
  name: varchar("name", { length: 60 }).notNull(),
  nameEn: varchar("name_en", { length: 60 }).notNull(),
  position: integer("position").notNull().default(0),
});

/**
 * What the catalog search matches (lib/catalog/search.ts): names and descriptions in both languages. The 'simple'
 * configuration only lowercases (no stemming), which suits a bilingual catalog and exists on PGlite as on Postgres.
 * The search query repeats this exact expression so that the index serves it.
 */
export const productSearchDocument = (t: { name: AnyPgColumn; nameEn: AnyPgColumn; description: AnyPgColumn; descriptionEn: AnyPgColumn }) =>
  sql`to_tsvector('simple', ${t.name} || ' ' || coalesce(${t.nameEn}, '') || ' ' || ${t.description} || ' ' || coalesce(${t.descriptionEn}, ''))`;

export const products = pgTable(
  "products",
  {
    id: serial("id").primaryKey(),
    slug: varchar("slug", { length: 80 }).notNull().unique(),
    // name, description and details are Bahasa Indonesia; the *_en columns hold English (null: show the Indonesian).
    name: varchar("name", { length: 127 }).notNull(),
    nameEn: varchar("name_en", { length: 127 }),
    description: text("description").notNull(),
    descriptionEn: text("description_en"),
    // A few short facts for the product page ("Sangrai sedang", "100% katun"), one list per language.
    details: text("details").array().notNull().default(sql`'{}'::text[]`),
    detailsEn: text("details_en").array().notNull().default(sql`'{}'::text[]`),
    // Null only for rows that predate categories; the seed gives every product one.
    categoryId: integer("category_id").references(() => categories.id),
    // Where it comes from and who made it, e.g. "Aceh Tengah" and "Koperasi Kopi Gayo": proper names, one language.
    origin: varchar("origin", { length: 80 }),
    maker: varchar("maker", { length: 80 }),
    // Integer rupiah: IDR has no minor unit, and Finpay takes whole rupiah.
    priceIdr: integer("price_idr").notNull(),
    imagePath: varchar("image_path", { length: 200 }).notNull(),
    active: boolean("active").notNull().default(true),
    // Packed weight: the parcel's weight, and so the shipping price, is the sum over the order (lib/delivery).
    // The defaults only fill rows that predate the columns; the seed gives every product its own.
    weightGrams: integer("weight_grams").notNull().default(500),
    // Units that can still be sold: checked when an order is made, taken when it is paid (lib/catalog/stock.ts).
    stock: integer("stock").notNull().default(100),
    createdAt: createdAt(),
    // Moved by every change made in the console (lib/catalog/admin.ts); the edit form sends back the value it was
    // opened with, so a second merchant's change in between is not silently overwritten.
    updatedAt: updatedAt(),
  },
  (t) => [
    check("products_price_positive", sql`${t.priceIdr} > 0`),
    // A product made in the console starts without a picture (image_path ''), and the shop never shows one without.
    check("products_published_has_picture", sql`not ${t.active} or ${t.imagePath} <> ''`),
    check("products_weight_positive", sql`${t.weightGrams} > 0`),
    check("products_stock_not_negative", sql`${t.stock} >= 0`),
    index("products_category_idx").on(t.categoryId),
    index("products_search_idx").using("gin", productSearchDocument(t)),
  ],
);

export const userRole = pgEnum("user_role", ["customer", "merchant"]);

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
    // The language this customer chose (at sign-up, or with the ID | EN switch): "id" (Bahasa Indonesia) or "en".
    // Null when nobody chose one (the seeded demo accounts): sign-in then leaves the browser's language alone, and
    // emails are written in the shop's default (lib/email/outbox.ts).
    locale: varchar("locale", { length: 5 }),
    // Who may use the merchant console (lib/auth/merchant.ts reads it from here on every request, never from the JWT).
    role: userRole("role").notNull().default("customer"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_lower_unique").on(sql`lower(${t.email})`),
    check("users_locale_known", sql`${t.locale} in ('id', 'en')`),
  ],
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

/** A customer's delivery addresses (lib/delivery/addresses.ts); lengths follow Finpay's address limits. */
export const addresses = pgTable(
  "addresses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    recipientName: varchar("recipient_name", { length: 50 }).notNull(),
    // E.164 (+62...), as Finpay's shipping.contact.mobilePhone takes it.
    mobilePhone: varchar("mobile_phone", { length: 20 }).notNull(),
    street: varchar("street", { length: 100 }).notNull(),
    // Kelurahan / kecamatan: Finpay's street2.
    district: varchar("district", { length: 100 }).notNull(),
    city: varchar("city", { length: 100 }).notNull(),
    // ISO 3166-2:ID, e.g. ID-JB (lib/delivery/provinces.ts).
    provinceCode: varchar("province_code", { length: 6 }).notNull(),
    postalCode: varchar("postal_code", { length: 5 }).notNull(),
    notes: varchar("notes", { length: 200 }),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("addresses_user_idx").on(t.userId, t.createdAt),
    // One default address per customer, held by the database.
    uniqueIndex("addresses_one_default_per_user").on(t.userId).where(sql`${t.isDefault}`),
    check("addresses_postal_code_digits", sql`${t.postalCode} ~ '^[0-9]{5}$'`),
  ],
);

/** Failed sign-in counters, in the database so that every app instance sees the same numbers. */
export const signInThrottles = pgTable(
  "sign_in_throttles",
  {
    // "<kind>:<value>" (lib/auth/throttle.ts): "account:<email>", "pair:<email>|<address>", "ip:<address>",
    // "password-change:<user id>"
    key: varchar("key", { length: 400 }).primaryKey(),
    failures: integer("failures").notNull().default(0),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [index("sign_in_throttles_locked_until_idx").on(t.lockedUntil)],
);

// Addresses a customer has signed in from. They skip the account-wide slow-down (lib/auth/throttle.ts), so a stranger's
// wrong guesses elsewhere cannot keep the owner out; each address still has its own locks.
export const signInAddresses = pgTable(
  "sign_in_addresses",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    address: varchar("address", { length: 64 }).notNull(),
    lastSignedInAt: timestamp("last_signed_in_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.address] })],
);

// One row per signed-in browser. The session JWT carries the id; a session is valid only while its row exists and
// has not expired, so sign-out, "sign out everywhere" and a password change end sessions for good.
export const sessions = pgTable(
  "sessions",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

// ---------------------------------------------------------------------------------------------------------------
// Orders and payments. Only lib/payments/state-machine.ts changes the status columns below.

// After "paid", money can go back: "partly_refunded" and "refunded" (refunds rows), or "voided" (the authorisation
// reversed before settlement, nothing was taken).
export const orderStatus = pgEnum("order_status", ["pending_payment", "paid", "failed", "expired", "cancelled", "refunded", "partly_refunded", "voided"]);
export const paymentStatus = pgEnum("payment_status", [
  "initiating",
  "pending",
  "paid",
  "failed",
  "expired",
  "cancelled",
  "refunded",
  "partly_refunded",
  "voided",
]);
export const paymentMethod = pgEnum("payment_method", ["basic", "basic_save_card", "two_click"]);

// Fulfilment, beside the payment status and changed only by lib/delivery/fulfilment.ts: the merchant packs, ships
// (courier and resi), and records delivery or a return; "cancelled" is set by the rule that ties payment and
// fulfilment (lib/delivery/fulfilment-rule.ts) when an unshipped order's money goes back in full.
export const fulfilmentStatus = pgEnum("fulfilment_status", ["unfulfilled", "packed", "shipped", "delivered", "returned", "cancelled"]);
// The couriers a parcel can be handed to; their resi formats and tracking pages are lib/delivery/couriers.ts.
export const courier = pgEnum("courier", ["jne", "jnt", "sicepat"]);

/**
 * Where an order goes and how, as it was when the order was made: later edits of the address book or the rate
 * table do not rewrite it. Written by lib/delivery/quote.ts.
 */
export interface OrderDeliverySnapshot {
  address: {
    recipientName: string;
    mobilePhone: string;
    street: string;
    district: string;
    city: string;
    provinceCode: string;
    provinceName: string;
    postalCode: string;
    notes: string | null;
  };
  option: { id: string; name: string; etaLabel: string; finpayMethod: string; listPriceIdr: number; free: boolean };
  weightGrams: number;
}

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    status: orderStatus("status").notNull().default("pending_payment"),
    // Items plus shipping, computed on the server. Orders made before delivery existed have no breakdown.
    totalIdr: integer("total_idr").notNull(),
    itemsSubtotalIdr: integer("items_subtotal_idr"),
    shippingIdr: integer("shipping_idr"),
    delivery: jsonb("delivery").$type<OrderDeliverySnapshot>(),
    currency: varchar("currency", { length: 3 }).notNull().default("IDR"),
    paidAttemptId: uuid("paid_attempt_id"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    // What the cart held when this order was made (lib/payments/cart-fingerprint.ts): a new checkout of the same
    // cart returns to this order instead of making a second payable one.
    cartFingerprint: varchar("cart_fingerprint", { length: 64 }),
    // Set when the customer started over or checked out a changed cart: the order can no longer be paid.
    closedAt: timestamp("closed_at", { withTimezone: true }),
    fulfilmentStatus: fulfilmentStatus("fulfilment_status").notNull().default("unfulfilled"),
    // Who carries the parcel and its tracking number (resi), set when it is shipped.
    courier: courier("courier"),
    trackingNumber: varchar("tracking_number", { length: 40 }),
    packedAt: timestamp("packed_at", { withTimezone: true }),
    shippedAt: timestamp("shipped_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    fulfilmentCancelledAt: timestamp("fulfilment_cancelled_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("orders_user_created_idx").on(t.userId, t.createdAt),
    // The console's order list: keyset pagination by (created_at, id) or (total_idr, id), optionally by status.
    index("orders_created_id_idx").on(t.createdAt, t.id),
    index("orders_total_id_idx").on(t.totalIdr, t.id),
    index("orders_status_created_id_idx").on(t.status, t.createdAt, t.id),
    index("orders_paid_at_idx").on(t.paidAt),
    // The console's fulfilment filter, and its work queue (paid, not shipped) as a small partial index of its own.
    // The predicate names no order status: a status value added by an earlier migration cannot be used in the same
    // transaction, and a fresh database applies every migration in one.
    index("orders_fulfilment_created_id_idx").on(t.fulfilmentStatus, t.createdAt, t.id),
    index("orders_to_ship_created_id_idx")
      .on(t.createdAt, t.id)
      .where(sql`${t.paidAt} is not null and ${t.fulfilmentStatus} in ('unfulfilled', 'packed')`),
    // A resi names one parcel: the same number on a second order is a typing mistake, refused by the database.
    uniqueIndex("orders_courier_tracking_unique").on(t.courier, t.trackingNumber),
    check("orders_shipped_has_resi", sql`${t.fulfilmentStatus} in ('unfulfilled', 'packed', 'cancelled') or (${t.courier} is not null and ${t.trackingNumber} is not null)`),
    check("orders_total_positive", sql`${t.totalIdr} > 0`),
    check("orders_total_adds_up", sql`${t.itemsSubtotalIdr} is null or ${t.totalIdr} = ${t.itemsSubtotalIdr} + ${t.shippingIdr}`),
    // The never-charge-twice rule, held by the database: a customer has at most one order that can still be paid.
    uniqueIndex("orders_one_open_per_user")
      .on(t.userId)
      .where(sql`${t.closedAt} is null and ${t.status} in ('pending_payment', 'failed', 'expired', 'cancelled')`),
  ],
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
    // Typed, not a pgEnum: this table is the evidence log, and an INSERT refused by the database would lose a callback.
    // The vocabulary grows with the code (db/event-outcomes.ts); TypeScript checks every writer.
    outcome: varchar("outcome", { length: 40 }).$type<PaymentEventOutcome>().notNull(),
    detail: text("detail"),
    flagged: boolean("flagged").notNull().default(false),
    // Who sent a callback (lib/auth/client-ip.ts): shows where Finpay posts from, and bounds the evidence one
    // address can make us store (lib/payments/callback.ts).
    sourceAddress: varchar("source_address", { length: 64 }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("payment_events_attempt_idx").on(t.attemptId, t.receivedAt),
    index("payment_events_source_idx").on(t.sourceAddress, t.receivedAt),
    // The console's callback log: newest first by id, per source.
    index("payment_events_source_id_idx").on(t.source, t.id),
    // Rejected callbacks carry no attempt, only the order id they claim: the console's order page finds them by it.
    index("payment_events_finpay_order_idx").on(t.finpayOrderId),
  ],
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

// ---------------------------------------------------------------------------------------------------------------
// Email and password reset.

// "void": a payment cancelled before settlement is not a refund: nothing was taken, and its email says so.
export const emailKind = pgEnum("email_kind", [
  "order_confirmation",
  "payment_failed",
  "payment_expired",
  "refund",
  "password_reset",
  "order_shipped",
  "order_delivered",
  "void",
  // Sign-up (lib/sign-up): the link that finishes a new account, and the note to the owner of an existing one.
  "sign_up_confirmation",
  "sign_up_existing_account",
]);
export const emailStatus = pgEnum("email_status", ["pending", "sending", "sent", "failed"]);

/**
 * Every email the shop owes, written in the transaction of the event that calls for it (lib/email/outbox.ts) and
 * sent by the job queue. The unique (kind, subject_id) makes a second write of the same event a no-op, so duplicate
 * callbacks, several workers and a retried job still send one email per event.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: emailKind("kind").notNull(),
    // What the email is about: the order, the payment attempt, the refund or the reset request.
    subjectId: varchar("subject_id", { length: 100 }).notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    toAddress: varchar("to_address", { length: 320 }).notNull(),
    locale: varchar("locale", { length: 5 }).notNull(),
    // What the template needs beyond the database rows it reads (e.g. the reset link, erased once sent).
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    status: emailStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    // When a worker took it for sending: another worker leaves it alone until the lease is over.
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    messageId: varchar("message_id", { length: 200 }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("email_outbox_kind_subject_unique").on(t.kind, t.subjectId),
    index("email_outbox_status_idx").on(t.status, t.createdAt),
  ],
);

/** Password reset links: only a SHA-256 of the token is kept; a link works once, for 30 minutes, and only the newest. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    // Set when a newer request replaced it or another link was used.
    invalidatedAt: timestamp("invalidated_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Sign-ups waiting for their email to be confirmed (lib/sign-up/requests.ts). The account exists only once the link
 * sent to the address is opened with the password chosen here, so the sign-up form cannot tell whether an email
 * already has an account. Only a SHA-256 of the link's token is kept; a link works once, for 24 hours.
 */
export const signUpRequests = pgTable(
  "sign_up_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Lower-cased (lib/account/validation.ts); several requests may name one email, the first confirmed wins.
    email: varchar("email", { length: 320 }).notNull(),
    firstName: varchar("first_name", { length: 50 }).notNull(),
    lastName: varchar("last_name", { length: 50 }).notNull(),
    mobilePhone: varchar("mobile_phone", { length: 20 }).notNull(),
    locale: varchar("locale", { length: 5 }).notNull(),
    passwordHash: text("password_hash").notNull(),
    // Where the customer was going when they signed up (a checked path of this shop, lib/auth/return-path.ts).
    returnPath: text("return_path").notNull(),
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sign_up_requests_expires_at_idx").on(t.expiresAt)],
);

// ---------------------------------------------------------------------------------------------------------------
// Money back (lib/payments/money-back.ts). A void is kept here too, as giving back the whole amount before
// settlement, so one locked sum covers both and a payment can never return more than it took.

export const refundKind = pgEnum("refund_kind", ["refund", "void"]);
// pending: reserved and sent to Finpay; succeeded / failed: Finpay's answer; unknown: no answer (timeout, network),
// still counted against the amount left so that a retry can never give back more than was paid.
export const refundStatus = pgEnum("refund_status", ["pending", "succeeded", "failed", "unknown"]);

export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    attemptId: uuid("attempt_id")
      .notNull()
      .references(() => paymentAttempts.id),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    kind: refundKind("kind").notNull(),
    amountIdr: integer("amount_idr").notNull(),
    status: refundStatus("status").notNull().default("pending"),
    reason: varchar("reason", { length: 200 }),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    finpayResponseCode: varchar("finpay_response_code", { length: 16 }),
    finpayMessage: text("finpay_message"),
    createdAt: createdAt(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("refunds_attempt_idx").on(t.attemptId, t.createdAt),
    index("refunds_order_idx").on(t.orderId, t.createdAt),
    check("refunds_amount_positive", sql`${t.amountIdr} > 0`),
    // A payment is voided at most once (a failed void may be tried again).
    uniqueIndex("refunds_one_void_per_attempt").on(t.attemptId).where(sql`${t.kind} = 'void' and ${t.status} <> 'failed'`),
  ],
);

export const merchantActionKind = pgEnum("merchant_action_kind", [
  "refund",
  "void",
  // The catalog, changed in the console (lib/catalog/admin.ts).
  "product_create",
  "product_update",
  "product_picture",
  "product_publish",
  "product_unpublish",
  "product_delete",
  // Fulfilment steps (lib/delivery/fulfilment.ts).
  "mark_packed",
  "mark_shipped",
  "mark_delivered",
  "mark_returned",
]);

/** One field's value before and after a catalog change, as the audit trail keeps it. */
export type ProductFieldChange = { from: unknown; to: unknown };

/**
 * The audit trail: every money-back and fulfilment action a merchant asked for, and every catalog change, who and when, and how it
 * ended (refusals too).
 */
export const merchantActions = pgTable(
  "merchant_actions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    actorEmail: varchar("actor_email", { length: 320 }).notNull(),
    action: merchantActionKind("action").notNull(),
    orderId: uuid("order_id").references(() => orders.id),
    attemptId: uuid("attempt_id").references(() => paymentAttempts.id),
    refundId: uuid("refund_id").references(() => refunds.id),
    amountIdr: integer("amount_idr"),
    // No foreign key: the trail of a product outlives its deletion.
    productId: integer("product_id"),
    // What a catalog change changed, field by field.
    changes: jsonb("changes").$type<Record<string, ProductFieldChange>>(),
    outcome: varchar("outcome", { length: 40 }).notNull(),
    detail: text("detail"),
    createdAt: createdAt(),
  },
  (t) => [index("merchant_actions_order_idx").on(t.orderId, t.createdAt), index("merchant_actions_product_idx").on(t.productId, t.createdAt)],
);

/**
 * One row (id 1): a number that every catalog change raises in its own transaction. Each app instance keeps the
 * catalog in memory and reads this number on every page view (lib/catalog/queries.ts): a change made through any
 * instance shows on every instance's next page. A row, not a sequence: its new value is seen only once committed.
 */
export const catalogVersion = pgTable(
  "catalog_version",
  {
    id: integer("id").primaryKey().default(1),
    version: bigint("version", { mode: "number" }).notNull().default(1),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("catalog_version_one_row", sql`${t.id} = 1`)],
);

export type Product = typeof products.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type User = typeof users.$inferSelect;
export type Address = typeof addresses.$inferSelect;
export type Cart = typeof carts.$inferSelect;
export type CartItem = typeof cartItems.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type OrderItem = typeof orderItems.$inferSelect;
export type PaymentAttempt = typeof paymentAttempts.$inferSelect;
export type SavedCard = typeof savedCards.$inferSelect;
export type PaymentEvent = typeof paymentEvents.$inferSelect;
export type GatewayExchange = typeof gatewayExchanges.$inferSelect;
export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
export type EmailKind = (typeof emailKind.enumValues)[number];
export type SignUpRequest = typeof signUpRequests.$inferSelect;
export type EmailStatus = (typeof emailStatus.enumValues)[number];
export type OrderStatus = (typeof orderStatus.enumValues)[number];
export type PaymentStatus = (typeof paymentStatus.enumValues)[number];
export type PaymentMethod = (typeof paymentMethod.enumValues)[number];
export type UserRole = (typeof userRole.enumValues)[number];
export type Refund = typeof refunds.$inferSelect;
export type RefundKind = (typeof refundKind.enumValues)[number];
export type RefundStatus = (typeof refundStatus.enumValues)[number];
export type MerchantAction = typeof merchantActions.$inferSelect;
export type MerchantActionKind = (typeof merchantActionKind.enumValues)[number];
export type FulfilmentStatus = (typeof fulfilmentStatus.enumValues)[number];
export type Courier = (typeof courier.enumValues)[number];
