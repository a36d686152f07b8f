import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/messages";

// Typed keys and locales: `t("nav.cartt")` or a key missing from the catalogue is a compile error.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
