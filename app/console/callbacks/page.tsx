import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { CallbackTable, useOutcomeLabel } from "@/components/console/callback-table";
import { FilterForm } from "@/components/console/filter-form";
import { FilterErrors, withAny, worded } from "@/components/console/list-parts";
import { merchantMetadata, requireMerchant } from "@/lib/auth/merchant";
import { CALLBACK_OUTCOMES, callbackSummary, listCallbacks, parseCallbackFilters, VERDICTS } from "@/lib/console/callback-log";

export async function generateMetadata(): Promise<Metadata> {
  return merchantMetadata(async () => ({ title: (await getTranslations("console.callbacks"))("title") }));
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const query = (values: Record<string, string | undefined>) => {
  const params = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])));
  return params.size ? `?${params}` : "";
};

export default async function CallbackLogPage({ searchParams }: Props) {
  await requireMerchant();
  const { filters, values, errors } = parseCallbackFilters(await searchParams);
  const [page, summary] = await Promise.all([listCallbacks(filters), callbackSummary()]);
  return <CallbackLog filters={filters} values={values} errors={errors} page={page} summary={summary} />;
}

type LogProps = ReturnType<typeof parseCallbackFilters> & { page: Awaited<ReturnType<typeof listCallbacks>>; summary: Awaited<ReturnType<typeof callbackSummary>> };

// Sync, so that it can use the outcome wording the table uses (useTranslations works in server components).
function CallbackLog({ filters, values, errors, page, summary }: LogProps) {
  const c = useTranslations("console");
  const t = useTranslations("console.callbacks");
  const outcomeLabel = useOutcomeLabel();
  const errorText = worded(errors, (key) => c(`validation.${key}`));
  const { before: _before, ...kept } = filters;
  return (
    <section className="space-y-4" aria-labelledby="callbacks-heading">
      <h1 id="callbacks-heading" className="text-2xl font-semibold tracking-tight">
        {t("heading")}
      </h1>
      <p className="text-sm text-stone-700" data-testid="callback-summary">
        {t("summary", { total: summary.total })}{" "}
        <Link href="/console/callbacks?verdict=invalid" className={summary.invalid > 0 ? "font-semibold text-red-700 underline" : "underline"}>
          {t("summaryInvalid", { count: summary.invalid })}
        </Link>
        {t("summaryRest", { unknown: summary.unknown, flagged: summary.flagged })}
      </p>
      <FilterForm
        action="/console/callbacks"
        values={values}
        errors={errorText}
        labels={{ apply: c("filters.apply"), applying: c("filters.applying"), clear: c("filters.clear") }}
        fields={[
          { kind: "select", name: "verdict", label: t("signature"), options: withAny(t("anyVerdict"), VERDICTS.map((v) => ({ value: v, label: t(`verdict.${v}`) }))) },
          { kind: "select", name: "outcome", label: t("outcome"), options: withAny(t("anyOutcome"), CALLBACK_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) }))) },
          { kind: "date", name: "from", label: c("filters.from") },
          { kind: "date", name: "to", label: c("filters.to") },
        ]}
      />
      <FilterErrors errors={errorText} />
      <CallbackTable rows={page.rows} />
      <div className="flex gap-3 text-sm">
        {filters.before ? (
          <Link href={`/console/callbacks${query(kept)}`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100">
            {t("newest")}
          </Link>
        ) : null}
        {page.nextBefore ? (
          <Link href={`/console/callbacks${query({ ...kept, before: page.nextBefore })}`} rel="next" className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100">
            {t("older")}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
