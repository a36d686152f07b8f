/** The demo catalog and the demo customer. Prices are integer rupiah. */

export const DEMO_CUSTOMER = {
  email: "demo@example.com",
  password: "demo-pass-123",
  firstName: "Sari",
  lastName: "Wulandari",
  mobilePhone: "+6281234567890",
  finpayCustomerId: "cust_demo_sari",
} as const;

export interface SeedProduct {
  slug: string;
  name: string;
  description: string;
  priceIdr: number;
  active?: boolean;
  /** Colours of the product's illustration in public/products/<slug>.svg. */
  palette: [string, string];
}

export const SEED_PRODUCTS: SeedProduct[] = [
  { slug: "kopi-gayo-arabika", name: "Kopi Gayo Arabika 250 g", priceIdr: 95_000, palette: ["#6b3e26", "#c68b59"],
    description: "Single-origin arabica from the Gayo highlands of Aceh, medium roast, whole beans. Notes of dark chocolate and spice." },
  { slug: "kemeja-batik-tulis", name: "Kemeja Batik Tulis", priceIdr: 450_000, palette: ["#1e3a5f", "#c9a227"],
    description: "Hand-drawn batik shirt from Solo in cotton primissima, parang motif, regular fit." },
  { slug: "teh-melati-premium", name: "Teh Melati Premium 100 g", priceIdr: 45_000, palette: ["#2f6b3a", "#e8f0d8"],
    description: "Java green tea scented with fresh jasmine blossoms, loose leaf." },
  { slug: "sambal-bawang", name: "Sambal Bawang 200 g", priceIdr: 38_000, palette: ["#b3261e", "#f4a259"],
    description: "Fried shallot and bird's-eye chilli sambal, made in small batches without preservatives." },
  { slug: "tas-rotan-bali", name: "Tas Rotan Bali", priceIdr: 275_000, palette: ["#8a6a3b", "#e9d8a6"],
    description: "Round rattan bag woven by hand in Tenganan, with a batik lining and a leather strap." },
  { slug: "kain-tenun-ikat", name: "Kain Tenun Ikat Sumba", priceIdr: 650_000, palette: ["#7a1f2b", "#d9a441"],
    description: "Hand-woven ikat cloth from East Sumba, natural dyes, 200 x 60 cm." },
  { slug: "gula-aren-organik", name: "Gula Aren Organik 500 g", priceIdr: 32_000, palette: ["#7b4a12", "#f2c57c"],
    description: "Granulated palm sugar from Banten, organic, for drinks and baking." },
  { slug: "wayang-kulit-arjuna", name: "Wayang Kulit Arjuna", priceIdr: 350_000, palette: ["#3d2c1e", "#d4a373"],
    description: "Hand-carved and painted buffalo-hide shadow puppet of Arjuna, 50 cm, with a horn handle." },
  { slug: "cokelat-bali-70", name: "Cokelat Bali 70% 80 g", priceIdr: 55_000, palette: ["#4a2c2a", "#a47551"],
    description: "Bean-to-bar dark chocolate from Jembrana cacao, 70% cocoa." },
  { slug: "sarung-tenun-samarinda", name: "Sarung Tenun Samarinda", priceIdr: 185_000, palette: ["#234e52", "#81b29a"],
    description: "Silk-blend sarong woven on traditional gedokan looms in Samarinda." },
  { slug: "kerupuk-udang-sidoarjo", name: "Kerupuk Udang Sidoarjo 500 g", priceIdr: 25_000, palette: ["#d97706", "#fde68a"],
    description: "Uncooked prawn crackers from Sidoarjo, ready to fry." },
  { slug: "lampu-bambu", name: "Lampu Gantung Bambu", priceIdr: 210_000, palette: ["#5b7553", "#f1e3c8"],
    description: "Pendant lamp of woven bamboo from Tasikmalaya, 35 cm diameter, E27 fitting." },
  { slug: "sabun-sereh-wangi", name: "Sabun Sereh Wangi", priceIdr: 28_000, palette: ["#4d7c0f", "#ecfccb"],
    description: "Cold-process soap with citronella oil and coconut, 100 g." },
  { slug: "keris-miniatur-edisi-lama", name: "Keris Miniatur (edisi lama)", priceIdr: 120_000, active: false, palette: ["#374151", "#9ca3af"],
    description: "Discontinued: the previous edition of our miniature keris letter opener." },
];
