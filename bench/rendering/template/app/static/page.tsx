import { Catalog } from "../../components/catalog";
import { GuestBar } from "../../components/visitor-bar";

/** No per-visitor part: prerendered whole, served from the cache (the ceiling). */
export default function StaticPage() {
  return (
    <>
      <GuestBar />
      <Catalog />
    </>
  );
}
