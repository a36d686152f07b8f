import { Catalog } from "../../components/catalog";
import { VisitorBar } from "../../components/visitor-bar";

// Allowed to block (no prerendered shell) under Cache Components; without them any cookies() read does that.
export const instant = false;

/** The visitor's part outside Suspense: the whole page renders per request, as the shop's pages do today. */
export default function DynamicPage() {
  return (
    <>
      <VisitorBar />
      <Catalog />
    </>
  );
}
