/** The demo catalog and the demo customer. Prices are integer rupiah. */

export const DEMO_CUSTOMER = {
  email: "demo@example.com",
  password: "demo-pass-123",
  firstName: "Sari",
  lastName: "Wulandari",
  mobilePhone: "+6281234567890",
  finpayCustomerId: "cust_demo_sari",
} as const;

/**
 * The demo merchant: signs in to the console (/console). Seeded only while payments go to the local sandbox
 * (lib/db.ts), since against a real Finpay host a known password could refund real money.
 */
export const DEMO_MERCHANT = {
  email: "merchant@example.com",
  password: "merchant-pass-123",
  firstName: "Budi",
  lastName: "Santoso",
  mobilePhone: "+6281298765432",
  finpayCustomerId: "cust_demo_merchant",
  role: "merchant",
} as const;

export interface SeedCategory {
  slug: string;
  /** Bahasa Indonesia. */
  name: string;
  nameEn: string;
}

/** The shop's shelves, in the order it shows them (their position is their index here). */
export const SEED_CATEGORIES: SeedCategory[] = [
  { slug: "kopi-teh", name: "Kopi & Teh", nameEn: "Coffee & Tea" },
  { slug: "makanan", name: "Makanan", nameEn: "Food" },
  { slug: "kain-busana", name: "Kain & Busana", nameEn: "Cloth & Fashion" },
  { slug: "kerajinan", name: "Kerajinan", nameEn: "Crafts" },
  { slug: "perawatan-tubuh", name: "Perawatan Tubuh", nameEn: "Body Care" },
];

export type SeedCategorySlug = "kopi-teh" | "makanan" | "kain-busana" | "kerajinan" | "perawatan-tubuh";

/**
 * A product as the seed writes it. name, description and details are Bahasa Indonesia, the *En fields English.
 * The order of this list is the order of the products' ids: add new products at the end, so existing ids stay.
 */
export interface SeedProduct {
  slug: string;
  category: SeedCategorySlug;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  details: string[];
  detailsEn: string[];
  /** Region, as a shopper would name it ("Aceh Tengah"). */
  origin: string;
  maker: string;
  priceIdr: number;
  /** Packed weight in grams: what the courier weighs. */
  weightGrams: number;
  /** Units in the warehouse when the catalog is seeded. */
  stock: number;
  active?: boolean;
}

export const SEED_PRODUCTS: SeedProduct[] = [
  {
    slug: "kopi-gayo-arabika", category: "kopi-teh", name: "Kopi Gayo Arabika 250 g", nameEn: "Gayo Arabica Coffee 250 g",
    description: "Kopi arabika single origin dari dataran tinggi Gayo, Aceh, sangrai sedang, biji utuh. Rasa cokelat hitam dan rempah.",
    descriptionEn: "Single-origin arabica from the Gayo highlands of Aceh, medium roast, whole beans. Notes of dark chocolate and spice.",
    details: ["Biji utuh, sangrai sedang", "Ketinggian 1.400 mdpl", "Proses giling basah"],
    detailsEn: ["Whole beans, medium roast", "Grown at 1,400 m", "Wet-hulled"],
    origin: "Aceh Tengah", maker: "Koperasi Kopi Gayo", priceIdr: 95_000, weightGrams: 300, stock: 400,
  },
  {
    slug: "kemeja-batik-tulis", category: "kain-busana", name: "Kemeja Batik Tulis", nameEn: "Hand-drawn Batik Shirt",
    description: "Kemeja batik tulis dari Solo berbahan katun primissima, motif parang, potongan reguler.",
    descriptionEn: "Hand-drawn batik shirt from Solo in cotton primissima, parang motif, regular fit.",
    details: ["Katun primissima", "Motif parang, dibatik dengan canting", "Ukuran M, L, XL"],
    detailsEn: ["Cotton primissima", "Parang motif, drawn with a canting", "Sizes M, L, XL"],
    origin: "Surakarta", maker: "Batik Laweyan", priceIdr: 450_000, weightGrams: 400, stock: 150,
  },
  {
    slug: "teh-melati-premium", category: "kopi-teh", name: "Teh Melati Premium 100 g", nameEn: "Premium Jasmine Tea 100 g",
    description: "Teh hijau Jawa yang diharumkan dengan bunga melati segar, daun lepas.",
    descriptionEn: "Java green tea scented with fresh jasmine blossoms, loose leaf.",
    details: ["Daun teh lepas", "Diharumkan dengan melati segar", "Seduh 80 °C selama 3 menit"],
    detailsEn: ["Loose leaf", "Scented with fresh jasmine", "Brew at 80 °C for 3 minutes"],
    origin: "Slawi, Jawa Tengah", maker: "Kebun Teh Gunung Slamet", priceIdr: 45_000, weightGrams: 150, stock: 300,
  },
  {
    slug: "sambal-bawang", category: "makanan", name: "Sambal Bawang 200 g", nameEn: "Shallot Sambal 200 g",
    description: "Sambal bawang goreng dan cabai rawit, dibuat dalam jumlah kecil tanpa pengawet.",
    descriptionEn: "Fried shallot and bird's-eye chilli sambal, made in small batches without preservatives.",
    details: ["Tanpa pengawet", "Tingkat pedas: sedang", "Tahan 3 bulan sebelum dibuka"],
    detailsEn: ["No preservatives", "Heat: medium", "Keeps 3 months unopened"],
    origin: "Surabaya", maker: "Dapur Bu Rini", priceIdr: 38_000, weightGrams: 350, stock: 250,
  },
  {
    slug: "tas-rotan-bali", category: "kerajinan", name: "Tas Rotan Bali", nameEn: "Balinese Rattan Bag",
    description: "Tas rotan bundar yang dianyam tangan di Tenganan, berlapis kain batik dengan tali kulit.",
    descriptionEn: "Round rattan bag woven by hand in Tenganan, with a batik lining and a leather strap.",
    details: ["Diameter 20 cm", "Lapisan dalam kain batik", "Tali kulit sapi"],
    detailsEn: ["20 cm across", "Batik lining", "Cowhide strap"],
    origin: "Karangasem, Bali", maker: "Perajin Desa Tenganan", priceIdr: 275_000, weightGrams: 700, stock: 40,
  },
  {
    slug: "kain-tenun-ikat", category: "kain-busana", name: "Kain Tenun Ikat Sumba", nameEn: "Sumba Ikat Cloth",
    description: "Kain tenun ikat tangan dari Sumba Timur dengan pewarna alami, 200 x 60 cm.",
    descriptionEn: "Hand-woven ikat cloth from East Sumba, natural dyes, 200 x 60 cm.",
    details: ["200 x 60 cm", "Pewarna alami mengkudu dan nila", "Ditenun sekitar dua bulan"],
    detailsEn: ["200 x 60 cm", "Natural morinda and indigo dyes", "About two months on the loom"],
    origin: "Sumba Timur", maker: "Sanggar Tenun Prailiu", priceIdr: 650_000, weightGrams: 600, stock: 12,
  },
  {
    slug: "gula-aren-organik", category: "makanan", name: "Gula Aren Organik 500 g", nameEn: "Organic Palm Sugar 500 g",
    description: "Gula aren semut organik dari Banten, untuk minuman dan kue.",
    descriptionEn: "Granulated palm sugar from Banten, organic, for drinks and baking.",
    details: ["Butiran (gula semut)", "Bersertifikat organik", "Tanpa campuran gula tebu"],
    detailsEn: ["Granulated", "Certified organic", "No cane sugar added"],
    origin: "Lebak, Banten", maker: "Kelompok Tani Aren Baduy", priceIdr: 32_000, weightGrams: 550, stock: 300,
  },
  {
    slug: "wayang-kulit-arjuna", category: "kerajinan", name: "Wayang Kulit Arjuna", nameEn: "Arjuna Shadow Puppet",
    description: "Wayang kulit Arjuna dari kulit kerbau, ditatah dan diwarnai tangan, 50 cm, dengan gagang tanduk.",
    descriptionEn: "Hand-carved and painted buffalo-hide shadow puppet of Arjuna, 50 cm, with a horn handle.",
    details: ["Tinggi 50 cm", "Kulit kerbau, ditatah tangan", "Gagang dari tanduk"],
    detailsEn: ["50 cm tall", "Buffalo hide, carved by hand", "Horn handle"],
    origin: "Wonogiri", maker: "Sanggar Wayang Kepuhsari", priceIdr: 350_000, weightGrams: 800, stock: 20,
  },
  {
    slug: "cokelat-bali-70", category: "makanan", name: "Cokelat Bali 70% 80 g", nameEn: "Balinese Chocolate 70% 80 g",
    description: "Cokelat hitam bean-to-bar dari kakao Jembrana, kadar kakao 70%.",
    descriptionEn: "Bean-to-bar dark chocolate from Jembrana cacao, 70% cocoa.",
    details: ["Kakao 70%", "Kakao fermentasi dari Jembrana", "Tanpa susu"],
    detailsEn: ["70% cocoa", "Fermented Jembrana cacao", "Dairy-free"],
    origin: "Jembrana, Bali", maker: "Kakao Jembrana", priceIdr: 55_000, weightGrams: 100, stock: 200,
  },
  {
    slug: "sarung-tenun-samarinda", category: "kain-busana", name: "Sarung Tenun Samarinda", nameEn: "Samarinda Woven Sarong",
    description: "Sarung campuran sutra yang ditenun dengan alat tenun gedokan tradisional di Samarinda.",
    descriptionEn: "Silk-blend sarong woven on traditional gedokan looms in Samarinda.",
    details: ["Campuran sutra", "Motif kotak khas Samarinda", "Alat tenun gedokan"],
    detailsEn: ["Silk blend", "Samarinda check pattern", "Gedokan loom"],
    origin: "Samarinda", maker: "Tenun Samarinda Seberang", priceIdr: 185_000, weightGrams: 500, stock: 60,
  },
  {
    slug: "kerupuk-udang-sidoarjo", category: "makanan", name: "Kerupuk Udang Sidoarjo 500 g", nameEn: "Sidoarjo Prawn Crackers 500 g",
    description: "Kerupuk udang mentah khas Sidoarjo, siap digoreng.",
    descriptionEn: "Uncooked prawn crackers from Sidoarjo, ready to fry.",
    details: ["Mentah, siap digoreng", "Udang asli 30%", "Tahan 6 bulan"],
    detailsEn: ["Uncooked, ready to fry", "30% real prawn", "Keeps 6 months"],
    origin: "Sidoarjo", maker: "UMKM Kerupuk Candi", priceIdr: 25_000, weightGrams: 550, stock: 300,
  },
  {
    slug: "lampu-bambu", category: "kerajinan", name: "Lampu Gantung Bambu", nameEn: "Bamboo Pendant Lamp",
    description: "Lampu gantung dari anyaman bambu Tasikmalaya, diameter 35 cm, fiting E27.",
    descriptionEn: "Pendant lamp of woven bamboo from Tasikmalaya, 35 cm diameter, E27 fitting.",
    details: ["Diameter 35 cm", "Fiting E27, kabel 1 m", "Bambu dianyam tangan"],
    detailsEn: ["35 cm across", "E27 fitting, 1 m cable", "Hand-woven bamboo"],
    origin: "Tasikmalaya", maker: "Anyaman Rajapolah", priceIdr: 210_000, weightGrams: 1500, stock: 30,
  },
  {
    slug: "sabun-sereh-wangi", category: "perawatan-tubuh", name: "Sabun Sereh Wangi", nameEn: "Citronella Soap",
    description: "Sabun proses dingin dengan minyak sereh wangi dan kelapa, 100 g.",
    descriptionEn: "Cold-process soap with citronella oil and coconut, 100 g.",
    details: ["100 g", "Minyak kelapa dan sereh wangi", "Tanpa deterjen sintetis"],
    detailsEn: ["100 g", "Coconut and citronella oils", "No synthetic detergents"],
    origin: "Yogyakarta", maker: "Rumah Sabun Kaliurang", priceIdr: 28_000, weightGrams: 120, stock: 500,
  },
  {
    slug: "keris-miniatur-edisi-lama", category: "kerajinan", name: "Keris Miniatur (edisi lama)", nameEn: "Miniature Keris (old edition)",
    description: "Tidak dijual lagi: edisi sebelumnya dari pembuka surat keris miniatur kami.",
    descriptionEn: "Discontinued: the previous edition of our miniature keris letter opener.",
    details: ["Panjang 20 cm"], detailsEn: ["20 cm long"],
    origin: "Sumenep", maker: "Empu Aeng Tong-Tong", priceIdr: 120_000, weightGrams: 400, stock: 0, active: false,
  },
  // Added with the bilingual catalog (issue 13): after the originals, so their ids stay as they were.
  {
    slug: "kopi-toraja-sapan", category: "kopi-teh", name: "Kopi Toraja Sapan 250 g", nameEn: "Toraja Sapan Coffee 250 g",
    description: "Arabika dari lereng Sapan, Toraja, sangrai sedang-gelap. Kental, dengan rasa karamel dan buah beri.",
    descriptionEn: "Arabica from the slopes of Sapan, Toraja, medium-dark roast. Full body with caramel and berry notes.",
    details: ["Biji utuh, sangrai sedang-gelap", "Ketinggian 1.600 mdpl", "Proses basah"],
    detailsEn: ["Whole beans, medium-dark roast", "Grown at 1,600 m", "Washed"],
    origin: "Toraja Utara", maker: "Petani Kopi Sapan", priceIdr: 110_000, weightGrams: 300, stock: 180,
  },
  {
    slug: "kopi-kintamani-bali", category: "kopi-teh", name: "Kopi Kintamani Bali 200 g", nameEn: "Kintamani Bali Coffee 200 g",
    description: "Arabika Kintamani yang tumbuh di antara pohon jeruk, sangrai terang. Segar dengan rasa jeruk.",
    descriptionEn: "Kintamani arabica grown among citrus trees, light roast. Bright, with citrus notes.",
    details: ["Kopi bubuk, gilingan sedang", "Sistem subak abian", "Sangrai terang"],
    detailsEn: ["Ground, medium grind", "Subak abian farming", "Light roast"],
    origin: "Bangli, Bali", maker: "Subak Abian Kintamani", priceIdr: 85_000, weightGrams: 250, stock: 150,
  },
  {
    slug: "teh-hitam-kayu-aro", category: "kopi-teh", name: "Teh Hitam Kayu Aro 100 g", nameEn: "Kayu Aro Black Tea 100 g",
    description: "Teh hitam ortodoks dari kebun teh Kayu Aro di kaki Gunung Kerinci, pekat dan harum.",
    descriptionEn: "Orthodox black tea from the Kayu Aro estate at the foot of Mount Kerinci, strong and fragrant.",
    details: ["Daun utuh ortodoks", "Kebun sejak 1925", "Nikmat dengan gula aren"],
    detailsEn: ["Whole-leaf orthodox", "Estate since 1925", "Lovely with palm sugar"],
    origin: "Kerinci, Jambi", maker: "Kebun Teh Kayu Aro", priceIdr: 48_000, weightGrams: 150, stock: 220,
  },
  {
    slug: "rendang-daging", category: "makanan", name: "Rendang Daging Padang 250 g", nameEn: "Padang Beef Rendang 250 g",
    description: "Rendang daging sapi yang dimasak perlahan dengan santan dan rempah Minang, dalam kemasan vakum.",
    descriptionEn: "Beef slow-cooked in coconut milk and Minang spices, vacuum-packed.",
    details: ["Siap santap, tinggal dihangatkan", "Tahan 6 bulan tanpa pengawet", "Dimasak 8 jam"],
    detailsEn: ["Ready to eat, just warm it", "Keeps 6 months, no preservatives", "Cooked for 8 hours"],
    origin: "Padang, Sumatera Barat", maker: "Rumah Makan Uni Ira", priceIdr: 120_000, weightGrams: 350, stock: 90,
  },
  {
    slug: "keripik-tempe-malang", category: "makanan", name: "Keripik Tempe Malang 200 g", nameEn: "Malang Tempeh Chips 200 g",
    description: "Keripik tempe tipis dan renyah dari Sanan, Malang, dengan bumbu ketumbar dan bawang putih.",
    descriptionEn: "Thin, crisp tempeh chips from Sanan, Malang, seasoned with coriander and garlic.",
    details: ["Kedelai non-GMO", "Rasa original", "Kemasan bisa ditutup kembali"],
    detailsEn: ["Non-GMO soybeans", "Original flavour", "Resealable pack"],
    origin: "Malang", maker: "Sentra Tempe Sanan", priceIdr: 22_000, weightGrams: 250, stock: 260,
  },
  {
    slug: "bawang-goreng-palu", category: "makanan", name: "Bawang Goreng Palu 150 g", nameEn: "Palu Fried Shallots 150 g",
    description: "Bawang goreng dari bawang merah lokal Palu yang manis dan gurih, untuk taburan soto dan nasi.",
    descriptionEn: "Fried shallots from Palu's sweet local shallots, for topping soto and rice.",
    details: ["Bawang merah varietas lokal Palu", "Digoreng dengan minyak kelapa", "Toples kaca"],
    detailsEn: ["Palu's local shallot variety", "Fried in coconut oil", "Glass jar"],
    origin: "Palu, Sulawesi Tengah", maker: "UMKM Bawang Goreng Talise", priceIdr: 42_000, weightGrams: 300, stock: 140,
  },
  {
    slug: "madu-hutan-sumbawa", category: "makanan", name: "Madu Hutan Sumbawa 350 g", nameEn: "Sumbawa Forest Honey 350 g",
    description: "Madu hutan mentah dari lebah liar di hutan Sumbawa, dipanen secara lestari.",
    descriptionEn: "Raw wild honey from forest bees in Sumbawa, harvested sustainably.",
    details: ["Mentah, tidak dipanaskan", "Dipanen dari sarang Apis dorsata", "Botol kaca"],
    detailsEn: ["Raw, never heated", "From Apis dorsata hives", "Glass bottle"],
    origin: "Sumbawa, NTB", maker: "Jaringan Madu Hutan Sumbawa", priceIdr: 135_000, weightGrams: 600, stock: 70,
  },
  {
    slug: "dodol-garut", category: "makanan", name: "Dodol Garut 400 g", nameEn: "Garut Dodol 400 g",
    description: "Dodol ketan dan gula kelapa khas Garut, kenyal dan legit, dibungkus satu per satu.",
    descriptionEn: "Chewy sweet of glutinous rice and coconut sugar from Garut, each piece wrapped.",
    details: ["Aneka rasa: original, durian, wijen", "Dibungkus satuan", "Tahan 2 bulan"],
    detailsEn: ["Mixed: original, durian, sesame", "Individually wrapped", "Keeps 2 months"],
    origin: "Garut", maker: "Dodol Picnic Garut", priceIdr: 30_000, weightGrams: 450, stock: 200,
  },
  {
    slug: "kacang-mete-muna", category: "makanan", name: "Kacang Mete Sangrai 250 g", nameEn: "Roasted Cashews 250 g",
    description: "Kacang mete utuh dari Pulau Muna, disangrai tanpa minyak dengan sedikit garam.",
    descriptionEn: "Whole cashews from Muna island, dry-roasted with a little salt.",
    details: ["Utuh, grade W320", "Sangrai tanpa minyak", "Sedikit garam"],
    detailsEn: ["Whole, grade W320", "Dry-roasted", "Lightly salted"],
    origin: "Muna, Sulawesi Tenggara", maker: "Koperasi Mete Wakorumba", priceIdr: 78_000, weightGrams: 300, stock: 120,
  },
  {
    slug: "sambal-roa-manado", category: "makanan", name: "Sambal Roa Manado 180 g", nameEn: "Manado Smoked Fish Sambal 180 g",
    description: "Sambal ikan roa asap khas Manado, pedas, gurih dan beraroma asap.",
    descriptionEn: "Manado sambal of smoked garfish: hot, savoury and smoky.",
    details: ["Ikan roa asap", "Tingkat pedas: tinggi", "Simpan di kulkas setelah dibuka"],
    detailsEn: ["Smoked garfish", "Heat: high", "Refrigerate after opening"],
    origin: "Manado", maker: "Dapur Oma Manado", priceIdr: 58_000, weightGrams: 300, stock: 110,
  },
  {
    slug: "pala-banda", category: "makanan", name: "Pala Utuh Banda 100 g", nameEn: "Banda Whole Nutmeg 100 g",
    description: "Biji pala utuh dari Kepulauan Banda, pulau rempah yang terkenal, lengkap dengan fuli.",
    descriptionEn: "Whole nutmeg from the Banda Islands, the famous spice islands, with its mace.",
    details: ["Biji utuh, parut sesuai kebutuhan", "Termasuk fuli kering", "Dipanen dari kebun perk tua"],
    detailsEn: ["Whole seeds, grate as needed", "Dried mace included", "From old perk plantations"],
    origin: "Banda Neira, Maluku", maker: "Kebun Pala Lonthoir", priceIdr: 65_000, weightGrams: 150, stock: 90,
  },
  {
    slug: "bakpia-pathok", category: "makanan", name: "Bakpia Pathok Kacang Hijau", nameEn: "Pathok Mung Bean Bakpia",
    description: "Bakpia isi kacang hijau khas Yogyakarta, kulit tipis berlapis, isi 20.",
    descriptionEn: "Yogyakarta pastries filled with mung bean paste, thin flaky crust, box of 20.",
    details: ["Isi 20 buah", "Isi kacang hijau", "Tahan 7 hari"],
    detailsEn: ["Box of 20", "Mung bean filling", "Keeps 7 days"],
    origin: "Yogyakarta", maker: "Bakpia Pathok 25", priceIdr: 45_000, weightGrams: 500, stock: 80,
  },
  {
    slug: "selendang-songket-palembang", category: "kain-busana", name: "Selendang Songket Palembang", nameEn: "Palembang Songket Shawl",
    description: "Selendang songket tenun tangan dengan benang emas, motif bunga tabur khas Palembang.",
    descriptionEn: "Hand-woven songket shawl with gold thread in Palembang's scattered-flower motif.",
    details: ["200 x 50 cm", "Benang emas dan sutra", "Motif bunga tabur"],
    detailsEn: ["200 x 50 cm", "Gold thread and silk", "Scattered-flower motif"],
    origin: "Palembang", maker: "Songket Cek Ipah", priceIdr: 890_000, weightGrams: 400, stock: 0,
  },
  {
    slug: "batik-mega-mendung", category: "kain-busana", name: "Kain Batik Mega Mendung", nameEn: "Mega Mendung Batik Cloth",
    description: "Kain batik cap motif awan mega mendung khas Cirebon, biru bergradasi, 2 x 1,15 m.",
    descriptionEn: "Stamped batik cloth with Cirebon's mega mendung cloud motif in graded blues, 2 x 1.15 m.",
    details: ["2 x 1,15 m", "Katun, batik cap", "Motif awan mega mendung"],
    detailsEn: ["2 x 1.15 m", "Cotton, stamped batik", "Mega mendung cloud motif"],
    origin: "Cirebon", maker: "Batik Trusmi", priceIdr: 225_000, weightGrams: 350, stock: 55,
  },
  {
    slug: "topeng-kayu-malang", category: "kerajinan", name: "Topeng Kayu Panji Malang", nameEn: "Malang Panji Wooden Mask",
    description: "Topeng Panji dari kayu pule, dipahat dan dicat tangan oleh perajin topeng Malang.",
    descriptionEn: "Panji mask of pule wood, carved and painted by hand by Malang mask makers.",
    details: ["Tinggi 18 cm", "Kayu pule", "Dicat tangan"],
    detailsEn: ["18 cm tall", "Pule wood", "Hand-painted"],
    origin: "Malang", maker: "Padepokan Asmoro Bangun", priceIdr: 320_000, weightGrams: 450, stock: 3,
  },
  {
    slug: "gerabah-kasongan", category: "kerajinan", name: "Piring Gerabah Kasongan", nameEn: "Kasongan Earthenware Plate",
    description: "Piring saji gerabah dari Kasongan, dibentuk dengan tangan dan diglasir cokelat tanah.",
    descriptionEn: "Earthenware serving plate from Kasongan, shaped by hand and glazed in earthy brown.",
    details: ["Diameter 28 cm", "Aman untuk makanan", "Tidak untuk microwave"],
    detailsEn: ["28 cm across", "Food-safe glaze", "Not for the microwave"],
    origin: "Bantul", maker: "Gerabah Kasongan", priceIdr: 95_000, weightGrams: 1200, stock: 45,
  },
  {
    slug: "noken-papua", category: "kerajinan", name: "Noken Papua", nameEn: "Papuan Noken Bag",
    description: "Tas noken rajut dari serat kulit kayu, dibuat mama-mama di Wamena. Warisan budaya UNESCO.",
    descriptionEn: "Knotted noken bag of tree-bark fibre, made by women in Wamena. UNESCO cultural heritage.",
    details: ["Serat kulit kayu alami", "Dirajut tangan", "Dapat dipakai di kepala atau bahu"],
    detailsEn: ["Natural bark fibre", "Knotted by hand", "Worn from the head or shoulder"],
    origin: "Wamena, Papua Pegunungan", maker: "Mama-mama Noken Wamena", priceIdr: 240_000, weightGrams: 300, stock: 25,
  },
  {
    slug: "minyak-kayu-putih", category: "perawatan-tubuh", name: "Minyak Kayu Putih Buru 60 ml", nameEn: "Buru Cajuput Oil 60 ml",
    description: "Minyak kayu putih murni yang disuling dari daun kayu putih Pulau Buru, menghangatkan.",
    descriptionEn: "Pure cajuput oil distilled from cajuput leaves on Buru island, warming.",
    details: ["Murni 100%", "Disuling secara tradisional", "Botol 60 ml"],
    detailsEn: ["100% pure", "Traditionally distilled", "60 ml bottle"],
    origin: "Pulau Buru, Maluku", maker: "Penyulingan Waeapo", priceIdr: 52_000, weightGrams: 120, stock: 160,
  },
  {
    slug: "lulur-bali", category: "perawatan-tubuh", name: "Lulur Bali Bengkuang 200 g", nameEn: "Balinese Yam Bean Body Scrub 200 g",
    description: "Lulur mandi tradisional Bali dari beras, bengkuang dan kunyit, untuk kulit halus dan cerah.",
    descriptionEn: "Traditional Balinese body scrub of rice, yam bean and turmeric, for smooth, bright skin.",
    details: ["Beras, bengkuang, kunyit", "Tanpa pewangi sintetis", "Pot 200 g"],
    detailsEn: ["Rice, yam bean, turmeric", "No synthetic fragrance", "200 g pot"],
    origin: "Ubud, Bali", maker: "Warisan Spa Ubud", priceIdr: 68_000, weightGrams: 260, stock: 130,
  },
];
