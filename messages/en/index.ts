// One JSON file a namespace; the key-parity test (lib/i18n/messages.test.ts) keeps the two languages in step.
import account from "./account.json";
import auth from "./auth.json";
import cart from "./cart.json";
import catalog from "./catalog.json";
import checkout from "./checkout.json";
import common from "./common.json";
import consoleMessages from "./console.json"; // "console" would shadow the global
import consoleCatalog from "./consoleCatalog.json";
import delivery from "./delivery.json";
import errorPage from "./errorPage.json";
import fulfilment from "./fulfilment.json";
import orders from "./orders.json";
import payments from "./payments.json";
import validation from "./validation.json";

const messages = { account, auth, cart, catalog, checkout, common, console: consoleMessages, consoleCatalog, delivery, errorPage, fulfilment, orders, payments, validation };
export default messages;
