import Link from "next/link";
import { useTranslations } from "next-intl";
import { WORK_QUEUE_DAYS, type FulfilmentFilter } from "@/lib/console/filters";

/** The merchant's saved views of the order list: what waits too long to be shipped, and everything to ship. */
export function WorkQueues({ current }: { current: FulfilmentFilter | undefined }) {
  const t = useTranslations("fulfilment.list");
  const queues = [
    { filter: "late", label: t("lateQueue", { days: WORK_QUEUE_DAYS }) },
    { filter: "to_ship", label: t("toShipQueue") },
  ] as const;
  return (
    <nav aria-label={t("presets")} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium text-stone-700">{t("presets")}:</span>
      {queues.map((queue) => (
        <Link
          key={queue.filter}
          href={`/console/orders?fulfilment=${queue.filter}&sort=oldest`}
          aria-current={current === queue.filter ? "page" : undefined}
          className="rounded-full border border-stone-300 bg-white px-3 py-1 text-stone-800 hover:bg-stone-100 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
        >
          {queue.label}
        </Link>
      ))}
    </nav>
  );
}
