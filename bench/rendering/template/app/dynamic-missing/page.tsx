import { cookies } from "next/headers";
import { notFound } from "next/navigation";

export const instant = false;

/** What the shop's order page does for somebody else's order: a per-request read, then notFound(). Expected: 404. */
export default async function MissingPage() {
  await cookies();
  notFound();
}
