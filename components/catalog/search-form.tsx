export type SearchFormLabels = { label: string; placeholder: string; submit: string };

/** A plain GET form to /search: works without JavaScript, and the results have an address that can be shared. */
export function SearchForm({ labels, defaultValue = "" }: { labels: SearchFormLabels; defaultValue?: string }) {
  return (
    <form action="/search" method="get" role="search" aria-label={labels.label} className="flex max-w-xl gap-2">
      <label htmlFor="catalog-search" className="sr-only">
        {labels.label}
      </label>
      <input
        id="catalog-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={labels.placeholder}
        maxLength={100}
        className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-3 py-2 placeholder:text-stone-500"
      />
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        {labels.submit}
      </button>
    </form>
  );
}
