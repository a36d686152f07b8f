import { isFinpayError, type FinpayError } from "@/lib/finpay";

/** Finpay's answer in plain words for the customer. The technical detail stays in the logs and the inspector. */
export function describeGatewayFailure(error: unknown): string {
  if (!isFinpayError(error)) return "We could not reach the payment service. You have not been charged. Please try again.";
  const finpay: FinpayError = error;
  switch (finpay.kind) {
    case "validation":
      return `Finpay did not accept the payment details${finpay.field ? ` (${finpay.field})` : ""}. Please check your profile and try again.`;
    case "unauthorized":
      return "The shop's payment settings were refused by Finpay. You have not been charged; please try again later.";
    case "timeout":
      return "Finpay did not answer in time. You have not been charged for this attempt; please try again.";
    case "network":
      return "We could not reach Finpay. You have not been charged; please try again in a moment.";
    case "gateway":
      return "Finpay is having trouble right now. You have not been charged; please try again in a moment.";
    case "malformed_response":
      return "Finpay sent an answer we could not read. You have not been charged; please try again.";
    case "conflict":
      return "Finpay already has a payment with this number. Please try again.";
    default:
      return `Finpay refused the payment: ${finpay.responseMessage ?? finpay.message}.`;
  }
}
