import { getTranslations } from "next-intl/server";
import { merchantOrRefusal } from "@/lib/auth/merchant";
import { parseExportQuery } from "@/lib/console/filters";
import { ordersCsvStream } from "@/lib/console/export";
import { jakartaFileStamp } from "@/lib/datetime";

/**
 * GET /console/orders/export?…filters: the filtered order list as CSV, streamed page by page. Merchants only.
 * Every parameter is checked before the first byte: after it, the status is sent and only the file can say more.
 */
export async function GET(request: Request): Promise<Response> {
  const merchant = await merchantOrRefusal();
  if (merchant instanceof Response) return merchant;
  const { filters, errors } = parseExportQuery(new URL(request.url).searchParams);
  if (Object.keys(errors).length > 0) {
    // Machine-readable for scripts: parameter name → `console.validation` key (the page words the same keys).
    return Response.json({ error: "Invalid export parameters", fields: errors }, { status: 400 });
  }
  const t = await getTranslations("console.export");
  return new Response(ordersCsvStream(filters, { incompleteNote: (count) => t("incomplete", { count }) }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orders-${jakartaFileStamp(new Date())}-WIB.csv"`,
      "cache-control": "no-store",
    },
  });
}
