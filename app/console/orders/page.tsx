import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BulkOrderActions } from "@/components/console/bulk-order-actions";
import { FilterForm } from "@/components/console/filter-form";
import { FilterErrors, withAny, worded } from "@/components/console/list-parts";
import { OrderTable } from "@/components/console/order-table";
import { WorkQueues } from "@/components/console/work-queues";
import { merchantMetadata, requireMerchant } from "@/lib/auth/merchant";
import { FULFILMENT_FILTERS, filterQuery, ORDER_SORTS, parseOrderFilters, searchKind, WORK_QUEUE_DAYS } from "@/lib/console/filters";
import { ORDER_STATUS_VALUES, PAYMENT_METHOD_VALUES } from "@/lib/console/options";
import { listConsoleOrders } from "@/lib/console/orders";

export async function generateMetadata(): Promise<Metadata> {
  return merchantMetadata(async () => ({ title: (await getTranslations("console.orders"))("title") }));
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConsoleOrdersPage({ searchParams }: Props) {
  const params = await searchParams;
  await requireMerchant();
  const { filters, cursor, values, errors } = parseOrderFilters(params);
  const [page, t, c, statusText, f] = await Promise.all([
    listConsoleOrders(filters, cursor),
    getTranslations("console.orders"),
    getTranslations("console"),
    getTranslations("common.status"),
    getTranslations("fulfilment"),
  ]);
  const fulfilmentLabel = (value: (typeof FULFILMENT_FILTERS)[number]) =>
    value === "to_ship" ? f("list.toShip") : value === "late" ? f("list.late", { days: WORK_QUEUE_DAYS }) : f(`status.${value}`);
  const errorText = worded(errors, (key) => c(`validation.${key}`));
  return (
    <section className="space-y-4" aria-labelledby="orders-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="orders-heading" className="text-2xl font-semibold tracking-tight">
          {t("heading")}
        </h1>
        <a href={`/console/orders/export${filterQuery(filters)}`} className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100" download>
          {t("export")}
        </a>
      </div>
      <WorkQueues current={filters.fulfilment} />
      <FilterForm
        action="/console/orders"
        values={values}
        errors={errorText}
        labels={{ apply: c("filters.apply"), applying: c("filters.applying"), clear: c("filters.clear") }}
        fields={[
          { kind: "text", name: "q", label: t("search"), placeholder: t("searchPlaceholder"), hint: filters.q ? t("searchingBy", { kind: c(`searchKind.${searchKind(filters.q)}`) }) : t("searchExample") },
          { kind: "select", name: "status", label: t("status"), options: withAny(t("anyStatus"), ORDER_STATUS_VALUES.map((value) => ({ value, label: statusText(value) }))) },
          { kind: "select", name: "method", label: t("method"), options: withAny(t("anyMethod"), PAYMENT_METHOD_VALUES.map((value) => ({ value, label: c(`method.${value}`) }))) },
          { kind: "select", name: "fulfilment", label: f("list.filter"), options: withAny(f("list.any"), FULFILMENT_FILTERS.map((value) => ({ value, label: fulfilmentLabel(value) }))) },
          { kind: "date", name: "from", label: c("filters.from") },
          { kind: "date", name: "to", label: c("filters.to") },
          { kind: "select", name: "sort", label: t("sort"), options: ORDER_SORTS.map((s) => ({ value: s, label: c(`sort.${s}`) })) },
        ]}
      />
      <FilterErrors errors={errorText} />
      {page.rows.length > 0 ? (
        <BulkOrderActions
          formId="bulk-orders"
          labels={{ form: f("bulk.form"), selectAll: f("bulk.selectAll"), pack: f("bulk.pack"), packing: f("bulk.packing"), print: f("bulk.print"), printing: f("bulk.printing") }}
        />
      ) : null}
      <OrderTable rows={page.rows} bulkFormId="bulk-orders" />
      <div className="flex flex-wrap gap-3 text-sm">
        {cursor ? (
          <Link href={`/console/orders${filterQuery(filters)}`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100">
            {t("firstPage")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={`/console/orders${filterQuery(filters, { cursor: page.nextCursor })}`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100" rel="next">
            {t("nextPage")}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
