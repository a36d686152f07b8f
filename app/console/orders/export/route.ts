import { merchantOrRefusal } from "@/lib/auth/merchant";
import { filterQuery, parseOrderFilters } from "@/lib/console/filters";
import { ordersCsvStream } from "@/lib/console/export";
import { jakartaFileStamp } from "@/lib/datetime";

/** GET /console/orders/export?…filters: the filtered order list as CSV, streamed page by page. Merchants only. */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const { filters, errors } = parseOrderFilters(Object.fromEntries(url.searchParams));
  const merchant = await merchantOrRefusal(`/console/orders${filterQuery(filters)}`, request.url);
  if (merchant instanceof Response) return merchant;
  if (Object.keys(errors).length > 0) {
    // Machine-readable for scripts: field name → `console.validation` key (the page words the same keys).
    return Response.json({ error: "Invalid filters", fields: errors }, { status: 400 });
  }
  return new Response(ordersCsvStream(filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orders-${jakartaFileStamp(new Date())}-WIB.csv"`,
      "cache-control": "no-store",
    },
  });
}
