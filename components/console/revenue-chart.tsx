import { useLocale, useTranslations } from "next-intl";
import { formatWib } from "@/lib/datetime";
import { formatIdr } from "@/lib/money";

type Day = { day: string; revenue: number; orders: number };

const W = 600;
const H = 260;
const PAD = { top: 28, right: 12, bottom: 40, left: 12 };

/** "Rp 1,2 jt": short enough for an axis label on a phone. */
function compact(amount: number): string {
  return `Rp ${new Intl.NumberFormat("id-ID", { notation: "compact", maximumFractionDigits: 1 }).format(amount)}`;
}


/**
 * Daily revenue as a server-rendered SVG bar chart: no chart library, no client JavaScript. The viewBox scales with
 * the page, and labels are sized so that they stay readable at 390 px; the same figures are in a table for screen
 * readers.
 */
export function RevenueChart({ days }: { days: Day[] }) {
  const locale = useLocale();
  const t = useTranslations("console.chart");
  // A Jakarta calendar day ("2026-03-01") as the shop writes dates: "1 Mar 2026".
  const dayLabel = (day: string) => formatWib(`${day}T12:00:00+07:00`, locale, "date");
  const max = Math.max(1, ...days.map((d) => d.revenue));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / days.length;
  const bar = Math.max(2, slot * 0.7);
  const ticks = [0, Math.floor(days.length / 2), days.length - 1];
  const total = days.reduce((sum, d) => sum + d.revenue, 0);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="revenue-title revenue-desc" className="h-auto w-full" data-testid="revenue-chart">
        <title id="revenue-title">{t("title")}</title>
        <desc id="revenue-desc">{t("description", { highest: formatIdr(max === 1 && total === 0 ? 0 : max), total: formatIdr(total) })}</desc>
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#a8a29e" strokeWidth="1" />
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top} y2={PAD.top} stroke="#e7e5e4" strokeDasharray="4 4" strokeWidth="1" />
        <text x={PAD.left} y={PAD.top - 8} fontSize="18" fill="#44403c">
          {compact(max === 1 && total === 0 ? 0 : max)}
        </text>
        {days.map((d, i) => {
          const h = (d.revenue / max) * innerH;
          return (
            <rect key={d.day} x={PAD.left + i * slot + (slot - bar) / 2} y={H - PAD.bottom - h} width={bar} height={Math.max(h, d.revenue > 0 ? 2 : 0)} rx="2" fill="#0f766e">
              <title>{t("bar", { day: dayLabel(d.day), revenue: formatIdr(d.revenue), orders: d.orders })}</title>
            </rect>
          );
        })}
        {ticks.map((i) => (
          <text key={i} x={PAD.left + i * slot + slot / 2} y={H - PAD.bottom + 26} fontSize="18" fill="#44403c" textAnchor={i === 0 ? "start" : i === days.length - 1 ? "end" : "middle"}>
            {dayLabel(days[i]!.day)}
          </text>
        ))}
      </svg>
      <figcaption className="text-xs text-stone-600">{t("caption")}</figcaption>
      {/* sr-only goes on a wrapper: a table ignores the 1 px height and clipping that sr-only gives it, and its rows would
          still take layout height below the page's footer. */}
      <div className="sr-only">
        <table>
          <caption>{t("title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("day")}</th>
              <th scope="col">{t("revenue")}</th>
              <th scope="col">{t("orders")}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <td>{dayLabel(d.day)}</td>
                <td>{formatIdr(d.revenue)}</td>
                <td>{d.orders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
