/**
 * How long Finpay keeps a payment link open: sent as `order.timeout` with every payment (lib/payments/checkout.ts)
 * and the number the checkout and the order page tell the shopper. Finpay's default is 1440 minutes; a shop wants
 * less. One constant, so that what the shopper reads is what Finpay was asked for.
 */
export const PAYMENT_LINK_MINUTES = 60;
