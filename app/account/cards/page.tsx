import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SavedCardList } from "@/components/account/saved-card-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageSection } from "@/components/ui/page-section";
import { requireUser } from "@/lib/auth/session";
import { formatWib } from "@/lib/datetime";
import { LiveRefresh } from "@/components/orders/live-refresh";
import { isCardFetchPending, listSavedCards } from "@/lib/payments/saved-cards";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.cards");
  return { title: t("title") };
}

export default async function SavedCardsPage() {
  const user = await requireUser("/account/cards");
  const [cards, fetching, locale, t] = await Promise.all([listSavedCards(user.id), isCardFetchPending(user.id), getLocale(), getTranslations("account.cards")]);
  const details = (card: (typeof cards)[number]) =>
    [
      card.cardType ? t(`types.${card.cardType}`) : null,
      card.expiry ? t("expires", { expiry: card.expiry }) : null,
      t("added", { date: formatWib(card.createdAt, locale, "date") }),
      card.lastUsedAt ? t("lastUsed", { date: formatWib(card.lastUsedAt, locale, "date") }) : t("notUsed"),
    ]
      .filter(Boolean)
      .join(" · ");
  return (
    <PageSection title={t("title")} intro={t("intro")}>
      {fetching ? (
        <div role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          <p>{t("fetching")}</p>
          <LiveRefresh everyMs={2000} note={t("fetchingNote")} />
        </div>
      ) : null}
      {cards.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <SavedCardList
          cards={cards.map((c) => ({ id: c.id, label: c.label, details: details(c), removeLabel: t("removeLabel", { card: c.label }) }))}
          labels={{ remove: t("remove"), removing: t("removing") }}
        />
      )}
    </PageSection>
  );
}
