export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-stone-600 sm:flex-row sm:justify-between sm:px-6">
        <p>Toko Nusantara: a reference storefront for the Finpay card gateway.</p>
        <p>Prices in Indonesian rupiah (IDR), tax included.</p>
      </div>
    </footer>
  );
}
