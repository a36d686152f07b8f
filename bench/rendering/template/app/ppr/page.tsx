import { Suspense } from "react";
import { Catalog } from "../../components/catalog";
import { GuestBar, VisitorBar } from "../../components/visitor-bar";

/** The visitor's part in a Suspense hole: with Cache Components a prerendered shell plus a streamed hole. */
export default function PartialPage() {
  return (
    <>
      <Suspense fallback={<GuestBar />}>
        <VisitorBar />
      </Suspense>
      <Catalog />
    </>
  );
}
