/**
 * Finpay card gateway adapter: the one place that knows Finpay's wire format.
 * No database, no next/*: this folder can be copied into any Node 20+ project that has zod 4.
 */
export {
  buildBasicCardPayment,
  buildSaveCardPayment,
  buildTwoClickPayment,
  type PaymentCustomer,
  type PaymentInput,
  type PaymentItem,
  type PaymentUrls,
  type TwoClickPaymentInput,
} from "./builders";
export {
  DEVICE_BROWSER_MAX,
  FINPAY_SHIPPING_METHODS,
  INDONESIA,
  deviceBrowser,
  deviceIpAddress,
  type FinpayShippingMethod,
  type PaymentAddress,
  type PaymentDevice,
  type PaymentShipping,
} from "./delivery";
export { CALLBACK_ACK, parseCallback, type CallbackParseError, type CallbackParseResult } from "./callback";
export {
  createFinpayClient,
  type FinpayClient,
  type FinpayClientConfig,
  type FinpayExchange,
  type FinpayLogLevel,
  type FinpayLogger,
} from "./client";
export {
  DEFAULT_TIMEOUT_MS,
  FINPAY_HOSTS,
  FINPAY_PATHS,
  FINPAY_SUCCESS_CODE,
  isLoopbackUrl,
  resolveFinpayBaseUrl,
  type FinpayEnvironment,
} from "./config";
export {
  FINPAY_ERROR_KINDS,
  FinpayError,
  fieldFromMessage,
  isFinpayError,
  isRetrySafe,
  kindForHttpStatus,
  kindForResponseCode,
  type FinpayErrorKind,
  type FinpayIssue,
  type FinpayOperation,
} from "./errors";
export { describeCard, formatFinpayDateTime, lastFour, parseFinpayDateTime, toWireAmount } from "./format";
export {
  buildRefundRequest,
  buildVoidRequest,
  DEFAULT_VOID_FORM,
  describeVoidForm,
  isVoidFormRefused,
  MONEY_BACK_REFUSALS,
  moneyBackRefusal,
  REFUND_PATH,
  refundRequestSchema,
  VOID_FORMS,
  VOID_PATH,
  voidCall,
  voidPath,
  voidRequestSchema,
  type FinpayMoneyBackRefusal,
  type FinpayMoneyBackResponse,
  type FinpayRefundRequest,
  type FinpayVoidCall,
  type FinpayVoidForm,
  type FinpayVoidRequest,
} from "./money-back";
export {
  CALLBACK_REPLY_TIMEOUT_MS,
  CALLBACK_REPLY_WANTED_WITHIN_MS,
  CALLBACK_RETRY_MINUTES,
  CALLBACK_RETRY_SPACINGS,
  LAST_CALLBACK_RETRY_MINUTES,
  callbackRetryOffsets,
  isRetriedCallbackAnswer,
  type CallbackRetrySpacing,
} from "./callback-retries";
export { REDACTION_PREFIX, redactBody, redactTokenInUrl, shortenToken } from "./redact";
export * from "./schemas";
export {
  CALLBACK_SIGNATURE_PATTERN,
  hmacSha512Hex,
  phpJsonEncode,
  removeTopLevelMember,
  signCallback,
  verifyCallbackSignature,
  withSignature,
  type CallbackSignatureCheck,
  type CallbackSignatureFailure,
} from "./signature";
export {
  KNOWN_FINPAY_STATUSES,
  PAYMENT_STATES,
  isPaidStatus,
  mapFinpayStatus,
  type MappedStatus,
  type PaymentState,
} from "./statuses";
export {
  retrieveStoredCardsPath,
  storedCardsResponseSchema,
  toStoredCards,
  type FinpayStoredCardsResponse,
  type StoredCard,
} from "./stored-cards";
