/**
 * Sorting and paging of product lists (home, category, search): pure functions over the catalog, so every list
 * pages and sorts the same way. The URL carries both (`?sort=price-asc&page=2`): plain links that work without
 * JavaScript and can be shared.
 */

export const SORTS = ["featured", "newest", "price-asc", "price-desc"] as const;
export type Sort = (typeof SORTS)[number];
export const DEFAULT_SORT: Sort = "featured";

/** Products on one page of a list. */
export const PAGE_SIZE = 12;

export function parseSort(value: string | string[] | undefined): Sort {
  const raw = Array.isArray(value) ? value[0] : value;
  return (SORTS as readonly string[]).includes(raw ?? "") ? (raw as Sort) : DEFAULT_SORT;
}

/** A page number from the URL: anything that is not a whole number from 1 up is page 1. */
export function parsePage(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^\d{1,4}$/.test(raw)) return 1;
  return Math.max(1, Number(raw));
}

type Sortable = { id: number; priceIdr: number; createdAt: Date };

/**
 * "featured" keeps the order it is given (the shop's order, or relevance for a search); the others break ties by
 * that order too, so that paging is stable.
 */
export function sortProducts<T extends Sortable>(items: readonly T[], sort: Sort): T[] {
  const rank = new Map(items.map((item, index) => [item.id, index]));
  const byGivenOrder = (a: T, b: T) => rank.get(a.id)! - rank.get(b.id)!;
  const compare: Record<Sort, (a: T, b: T) => number> = {
    featured: byGivenOrder,
    newest: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id,
    "price-asc": (a, b) => a.priceIdr - b.priceIdr || byGivenOrder(a, b),
    "price-desc": (a, b) => b.priceIdr - a.priceIdr || byGivenOrder(a, b),
  };
  return [...items].sort(compare[sort]);
}

export interface Page<T> {
  items: T[];
  /** 1-based; a page past the end shows the last one. */
  page: number;
  pageCount: number;
  total: number;
}

export function paginate<T>(items: readonly T[], requestedPage: number, pageSize = PAGE_SIZE): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requestedPage)), pageCount);
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageCount, total: items.length };
}

/**
 * The address of a list with its query, sort and page; defaults are left out so that the plain address
 * (`/categories/kopi-teh`) is the first page in the shop's order.
 */
export function listHref(path: string, { query, sort, page }: { query?: string; sort: Sort; page: number }): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (sort !== DEFAULT_SORT) params.set("sort", sort);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
