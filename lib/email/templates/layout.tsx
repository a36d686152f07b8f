import { Body, Button, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { EmailTexts } from "../texts";

/** The frame every email shares: brand line, greeting, content, footer. Inline styles: mail clients drop <style>. */
export function EmailLayout({ texts, preview, firstName, children }: { texts: EmailTexts; preview: string; firstName: string; children: ReactNode }) {
  return (
    <Html lang={texts.htmlLang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f5f5f4", fontFamily: "Helvetica, Arial, sans-serif", color: "#1c1917", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", maxWidth: 560, padding: "24px 28px", borderRadius: 8 }}>
          <Text style={{ fontSize: 18, fontWeight: 700, color: "#9a3412", margin: "0 0 16px" }}>Toko Nusantara</Text>
          <Text style={paragraph}>{texts.greeting(firstName)}</Text>
          {children}
          <Hr style={{ borderColor: "#e7e5e4", margin: "24px 0 12px" }} />
          <Text style={{ fontSize: 12, color: "#57534e", margin: 0 }}>{texts.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: 15, lineHeight: "22px", margin: "0 0 12px" } as const;

export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "20px 0" }}>
      <Button href={href} style={{ backgroundColor: "#9a3412", color: "#ffffff", padding: "12px 20px", borderRadius: 6, fontSize: 15, fontWeight: 600 }}>
        {children}
      </Button>
    </Section>
  );
}
