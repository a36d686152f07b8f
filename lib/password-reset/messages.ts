import { msg } from "@/lib/translatable";

/** Shown by the reset page and by its form when a link cannot be used (kept out of the "use server" actions file). */
export const LINK_UNUSABLE = msg("auth.reset.linkUnusable");
