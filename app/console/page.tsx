import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { RevenueChart } from "@/components/console/revenue-chart";
import { StatusBadge } from "@/components/orders/status-badge";
import { merchantMetadata, requireMerchant } from "@/lib/auth/merchant";
import { getOverview } from "@/lib/console/overview";
import { formatWib } from "@/lib/datetime";
import { INTL_TAG } from "@/lib/i18n/locales";
import { formatIdr } from "@/lib/money";

export async function generateMetadata(): Promise<Metadata> {
  return merchantMetadata(async () => ({ title: (await getTranslations("console.overview"))("title") }));
}

function Stat({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4">
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tracking-tight" data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className="mt-1 text-xs text-stone-600">{note}</dd> : null}
    </div>
  );
}

export default async function ConsoleOverviewPage() {
  await requireMerchant();
  const [o, t, locale] = await Promise.all([getOverview(), getTranslations("console.overview"), getLocale()]);
  // "45.3%" in English, "45,3%" in Indonesian.
  const percentFormat = new Intl.NumberFormat(INTL_TAG[locale], { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(INTL_TAG[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = (value: number | null) => (value === null ? "—" : percentFormat.format(value));
  const duration = (value: number | null) => {
    if (value === null) return "—";
    return value < 60 ? t("seconds", { value: decimal.format(value) }) : t("minutes", { value: decimal.format(value / 60) });
  };
  return (
    <section className="space-y-6" aria-labelledby="overview-heading">
      <h1 id="overview-heading" className="text-2xl font-semibold tracking-tight">
        {t("title")}
      </h1>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("salesToday")} value={formatIdr(o.sales.today)} note={t("salesTodayNote", { day: formatWib(`${o.today}T12:00:00+07:00`, locale, "date") })} testId="sales-today" />
        <Stat label={t("sales7")} value={formatIdr(o.sales.days7)} />
        <Stat label={t("sales30")} value={formatIdr(o.sales.days30)} note={t("sales30Note", { orders: o.sales.orders30, refunded: formatIdr(o.refunded30) })} />
        <Stat label={t("successRate")} value={percent(o.successRate)} note={t("successRateNote", { count: o.settledAttempts })} />
        <Stat label={t("twoClick")} value={percent(o.twoClickShare)} note={t("twoClickNote", { count: o.successfulPayments })} />
        <Stat label={t("newCard")} value={percent(o.twoClickShare === null ? null : 1 - o.twoClickShare)} />
        <Stat label={t("medianCallback")} value={duration(o.medianCallbackSeconds)} note={t("medianCallbackNote")} />
      </dl>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 className="mb-3 font-semibold">{t("dailyRevenue")}</h2>
          <RevenueChart days={o.daily} />
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 className="mb-3 font-semibold">{t("byStatus")}</h2>
          {o.ordersByStatus.length === 0 ? (
            <p className="text-sm text-stone-600">{t("byStatusEmpty")}</p>
          ) : (
            <ul className="space-y-2">
              {o.ordersByStatus.map(({ status, count }) => (
                <li key={status} className="flex items-center justify-between gap-2 text-sm">
                  <Link href={`/console/orders?status=${status}`} className="hover:underline">
                    <StatusBadge status={status} />
                  </Link>
                  <span className="font-medium tabular-nums">{count}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
