import { Column, Row, Section, Text } from "@react-email/components";
import { formatIdr } from "@/lib/money";
import type { EmailTexts } from "../texts";

export type EmailOrderLine = { name: string; quantity: number; unitPriceIdr: number };

/** The delivery row of the order emails (../content.tsx fills it from the order's delivery snapshot). */
export type EmailDelivery = { label: string; address: string[]; costIdr: number };

export interface EmailOrder {
  number: string;
  lines: EmailOrderLine[];
  subtotalIdr: number;
  delivery: EmailDelivery | null;
  totalIdr: number;
}

const cell = { fontSize: 14, lineHeight: "20px", padding: "4px 0" } as const;
const right = { ...cell, textAlign: "right" } as const;

/** The items, the delivery (when there is one) and the total: the same table in every order email. */
export function OrderSummary({ texts, order }: { texts: EmailTexts; order: EmailOrder }) {
  return (
    <Section style={{ border: "1px solid #e7e5e4", borderRadius: 6, padding: "12px 16px", margin: "12px 0" }}>
      <Text style={{ ...cell, color: "#57534e", margin: "0 0 8px" }}>
        {texts.orderNumber}: <strong>{order.number}</strong>
      </Text>
      <Row>
        <Column style={{ ...cell, fontWeight: 600 }}>{texts.item}</Column>
        <Column style={{ ...right, fontWeight: 600 }}>{texts.price}</Column>
      </Row>
      {order.lines.map((line) => (
        <Row key={line.name}>
          <Column style={cell}>
            {line.name} × {line.quantity}
          </Column>
          <Column style={right}>{formatIdr(line.unitPriceIdr * line.quantity)}</Column>
        </Row>
      ))}
      <Row>
        <Column style={{ ...cell, borderTop: "1px solid #e7e5e4" }}>{texts.subtotal}</Column>
        <Column style={{ ...right, borderTop: "1px solid #e7e5e4" }}>{formatIdr(order.subtotalIdr)}</Column>
      </Row>
      {order.delivery ? (
        <Row>
          <Column style={cell}>
            {order.delivery.label}
            {order.delivery.address.map((line) => (
              <span key={line}>
                <br />
                {line}
              </span>
            ))}
          </Column>
          <Column style={right}>{order.delivery.costIdr === 0 ? texts.freeDelivery : formatIdr(order.delivery.costIdr)}</Column>
        </Row>
      ) : null}
      <Row>
        <Column style={{ ...cell, fontWeight: 700 }}>{texts.total}</Column>
        <Column style={{ ...right, fontWeight: 700 }}>{formatIdr(order.totalIdr)}</Column>
      </Row>
    </Section>
  );
}
