export default function NotFound() {
  return <h1>Halaman tidak ditemukan</h1>;
}
