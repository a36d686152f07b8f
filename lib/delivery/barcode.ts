import "server-only";
import { code128, drawingSVG } from "bwip-js/node";

/**
 * A Code 128 barcode as SVG markup, drawn on the server by bwip-js (a port of Barcode Writer in Pure PostScript):
 * no canvas, no remote service, and the page stays a plain server-rendered page. Only our own short codes are
 * drawn (order numbers: 8 hex digits), so the markup carries no text from outside.
 */
export function code128Svg(text: string): string {
  if (!/^[A-Z0-9-]{1,40}$/.test(text)) throw new Error("A packing-slip barcode holds an order number only.");
  // Bars 0.33 mm wide at the standard 72 dpi scale of bwip-js: scannable from an A6 label printed at 203 dpi and up.
  return code128({ bcid: "code128", text, scale: 2, height: 12, includetext: false, paddingwidth: 8, paddingheight: 2 }, drawingSVG());
}
