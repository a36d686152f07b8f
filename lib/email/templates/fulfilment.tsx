import { Link, Text } from "@react-email/components";
import type { EmailTexts } from "../texts";
import { ActionButton, EmailLayout, paragraph } from "./layout";

/** The parcel is with the courier: which courier, its resi and the courier's own tracking page. */
export function ShippedEmail({ texts, firstName, orderNumber, courier, resi, trackingUrl, orderUrl }: { texts: EmailTexts; firstName: string; orderNumber: string; courier: string; resi: string; trackingUrl: string; orderUrl: string }) {
  const t = texts.shipped;
  return (
    <EmailLayout texts={texts} preview={t.preview} firstName={firstName}>
      <Text style={paragraph}>{t.intro}</Text>
      <Text style={paragraph}>
        {texts.orderNumber}: <strong>{orderNumber}</strong>
        <br />
        {t.courier}: <strong>{courier}</strong>
        <br />
        {t.resi}: <strong>{resi}</strong>
      </Text>
      <Text style={paragraph}>
        <Link href={trackingUrl} style={{ color: "#9a3412", textDecoration: "underline" }}>
          {t.track}
        </Link>
      </Text>
      <ActionButton href={orderUrl}>{texts.viewOrder}</ActionButton>
    </EmailLayout>
  );
}

/** The courier delivered the parcel. */
export function DeliveredEmail({ texts, firstName, orderNumber, deliveredAt, orderUrl }: { texts: EmailTexts; firstName: string; orderNumber: string; deliveredAt: string; orderUrl: string }) {
  const t = texts.delivered;
  return (
    <EmailLayout texts={texts} preview={t.preview} firstName={firstName}>
      <Text style={paragraph}>{t.intro}</Text>
      <Text style={paragraph}>
        {texts.orderNumber}: <strong>{orderNumber}</strong>
        <br />
        {t.deliveredAt}: <strong>{deliveredAt}</strong>
      </Text>
      <Text style={paragraph}>{t.problem}</Text>
      <ActionButton href={orderUrl}>{texts.viewOrder}</ActionButton>
    </EmailLayout>
  );
}
