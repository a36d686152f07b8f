import "server-only";
import { jakartaIso } from "@/lib/datetime";
import { logger } from "@/lib/logger";
import { orderNumber } from "@/lib/payments/ids";
import { csvLine } from "./csv";
import type { OrderFilters } from "./filters";
import { allConsoleOrders, type ConsoleOrderRow } from "./orders";

// Column names and values stay English machine names (snake_case, status and method codes) in every language on
// purpose: the file is for spreadsheets and scripts, which match on them; the console pages show them translated.
// Times are Jakarta time with their offset (+07:00), as the console shows them. The delivery columns come from the
// order's delivery snapshot (empty for orders made before delivery existed); the phone stays E.164 for scripts.
const HEADER = [
  "order_number",
  "order_id",
  "created_at",
  "status",
  "total_idr",
  "refunded_idr",
  "customer_email",
  "customer_name",
  "payment_method",
  "finpay_order_id",
  "paid_at",
  "fulfilment_status",
  "courier",
  "resi",
  "shipped_at",
  "delivered_at",
  "delivery_service",
  "recipient_name",
  "recipient_phone",
  "address_street",
  "address_district",
  "address_city",
  "address_province",
  "address_postal_code",
];

const time = (date: Date | null) => (date ? jakartaIso(date) : null);

function rowCells(row: ConsoleOrderRow) {
  const address = row.delivery?.address;
  return [
    orderNumber(row.id),
    row.id,
    time(row.createdAt),
    row.status,
    row.totalIdr,
    row.refundedIdr,
    row.email,
    row.customerName,
    row.method,
    row.finpayOrderId,
    time(row.paidAt),
    row.fulfilmentStatus,
    row.courier,
    row.trackingNumber,
    time(row.shippedAt),
    time(row.deliveredAt),
    row.delivery?.option.name,
    address?.recipientName,
    address?.mobilePhone,
    address?.street,
    address?.district,
    address?.city,
    address?.provinceName,
    address?.postalCode,
  ];
}

/**
 * The last line of a file whose export failed part-way. The status (200) and the first rows are already gone by
 * then, so the file itself has to say it: a spreadsheet shows this row, a script finds it in the first column.
 */
export const INCOMPLETE_MARKER = "EXPORT INCOMPLETE";

/**
 * The filtered order list as CSV, produced a page (1,000 rows) at a time as the client reads it: memory stays flat
 * however many orders match. A UTF-8 byte order mark first, so spreadsheet programs read names with accents right.
 * The caller has checked every parameter before this starts (app/console/orders/export/route.ts).
 */
export function ordersCsvStream(
  filters: OrderFilters,
  { incompleteNote, pages = allConsoleOrders(filters) }: { incompleteNote: (rowsSent: number) => string; pages?: AsyncGenerator<ConsoleOrderRow[]> },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  let rows = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\uFEFF${csvLine(HEADER)}`));
          return;
        }
        const next = await pages.next();
        if (next.done) return controller.close();
        const text = next.value.map((row) => csvLine(rowCells(row))).join("");
        controller.enqueue(encoder.encode(text));
        rows += next.value.length;
      } catch (error) {
        logger.error("console.export_failed", { error, rowsSent: rows });
        // Ending the stream with an error would cut the download mid-file under a 200 that already went out: a
        // broken file that looks complete. The file ends with a line that says so instead.
        controller.enqueue(encoder.encode(csvLine([INCOMPLETE_MARKER, incompleteNote(rows)])));
        controller.close();
        await pages.return(undefined).catch(() => undefined);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
