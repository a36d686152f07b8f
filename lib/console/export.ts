import "server-only";
import { logger } from "@/lib/logger";
import { orderNumber } from "@/lib/payments/ids";
import { csvLine } from "./csv";
import type { OrderFilters } from "./filters";
import { allConsoleOrders } from "./orders";

// Column names and values stay English machine names (snake_case, status and method codes) in every language on
// purpose: the file is for spreadsheets and scripts, which match on them; the console pages show them translated.
const HEADER = ["order_number", "order_id", "created_at", "status", "total_idr", "refunded_idr", "customer_email", "customer_name", "payment_method", "finpay_order_id"];

/**
 * The filtered order list as CSV, produced a page (1,000 rows) at a time as the client reads it: memory stays flat
 * however many orders match. A UTF-8 byte order mark first, so spreadsheet programs read names with accents right.
 */
export function ordersCsvStream(filters: OrderFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = allConsoleOrders(filters);
  let started = false;
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
        const text = next.value
          .map((row) => csvLine([orderNumber(row.id), row.id, row.createdAt.toISOString(), row.status, row.totalIdr, row.refundedIdr, row.email, row.customerName, row.method, row.finpayOrderId]))
          .join("");
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        logger.error("console.export_failed", { error });
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
