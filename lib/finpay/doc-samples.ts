/**
 * Values from the samples in Finpay's documentation (docs/finpay-reference.md), shared by the adapter's tests and
 * handy for anyone checking an integration against the docs. None of them is a real customer, card or credential.
 */

/** The stored-card token of the two-click sample (64 lowercase hex characters, §3.5). */
export const DOC_CARD_TOKEN = "81b36a850c2e40458bad296f952084b516c919ca717d448722782769b81b9fd9";

/** The customer of the basic and two-click request samples (§3.1). */
export function docCustomer() {
  return { id: "hajar.finnet@gmail.com", email: "hajar.finnet@gmail.com", firstName: "Hajar", lastName: "Ismail", mobilePhone: "+6281286288800" };
}

/** The card as status answers and callbacks describe it: the MPGS test Mastercard and its BIN data (§3.5). */
export function docCard() {
  return {
    mask: "512345xxxxxx0008",
    info: { brand: "MASTERCARD", issuing: "BANCO DEL PICHINCHA CA", type: "CREDIT", subType: "STANDARD", country: "ECUADOR" },
  };
}

/** The initiate answer of the documentation (§4.1): the page to send the customer to and its expiry. */
export function docInitiateAnswer() {
  return {
    responseCode: "2000000",
    responseMessage: "Success",
    redirecturl: "https://devo.finpay.id/pg/payment/card/access/32067d326642e071a66eed548822f0ef0c00adea760b1204b89e1ee95e12bd24",
    expiryLink: "2022-09-06 17:02:18",
    processingTime: 0.6609270572662354,
  };
}

/** A successful answer (`2000000`, §6) carrying `fields`, e.g. a check-status `data` and its `processingTime`. */
export function successAnswer<T extends Record<string, unknown>>(fields: T) {
  return { responseCode: "2000000", responseMessage: "Success", ...fields };
}
