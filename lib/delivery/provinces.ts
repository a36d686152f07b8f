/**
 * Indonesia's 38 provinces (Permendagri Kode dan Data Wilayah, 2022 onwards), each with its ISO 3166-2:ID code,
 * the delivery zone its parcels are priced in, and the name sent to Finpay.
 *
 * Finpay's `stateProvince` allows at most 20 characters (docs/finpay-reference.md §3.9), and a few official names are longer.
 * `finpayName` is the ONE place where a name is shortened; every other province keeps its name as it is.
 */

export const DELIVERY_ZONES = ["jawa", "sumatra", "kalimantan", "sulawesi", "bali_nusa_tenggara", "maluku_papua"] as const;
export type DeliveryZone = (typeof DELIVERY_ZONES)[number];

export const ZONE_NAMES: Record<DeliveryZone, string> = {
  jawa: "Jawa",
  sumatra: "Sumatra",
  kalimantan: "Kalimantan",
  sulawesi: "Sulawesi",
  bali_nusa_tenggara: "Bali & Nusa Tenggara",
  maluku_papua: "Maluku & Papua",
};

export interface Province {
  /** ISO 3166-2:ID, e.g. "ID-JB". */
  code: string;
  name: string;
  /** At most 20 characters: Finpay's `stateProvince` limit. */
  finpayName: string;
  zone: DeliveryZone;
}

const province = (code: string, name: string, zone: DeliveryZone, finpayName = name): Province => ({ code, name, zone, finpayName });

export const PROVINCES = [
  // Sumatra
  province("ID-AC", "Aceh", "sumatra"),
  province("ID-SU", "Sumatera Utara", "sumatra"),
  province("ID-SB", "Sumatera Barat", "sumatra"),
  province("ID-RI", "Riau", "sumatra"),
  province("ID-KR", "Kepulauan Riau", "sumatra"),
  province("ID-JA", "Jambi", "sumatra"),
  province("ID-BE", "Bengkulu", "sumatra"),
  province("ID-SS", "Sumatera Selatan", "sumatra"),
  province("ID-BB", "Kepulauan Bangka Belitung", "sumatra", "Kep. Bangka Belitung"),
  province("ID-LA", "Lampung", "sumatra"),
  // Jawa
  province("ID-BT", "Banten", "jawa"),
  province("ID-JK", "DKI Jakarta", "jawa"),
  province("ID-JB", "Jawa Barat", "jawa"),
  province("ID-JT", "Jawa Tengah", "jawa"),
  province("ID-YO", "Daerah Istimewa Yogyakarta", "jawa", "DI Yogyakarta"),
  province("ID-JI", "Jawa Timur", "jawa"),
  // Bali & Nusa Tenggara
  province("ID-BA", "Bali", "bali_nusa_tenggara"),
  province("ID-NB", "Nusa Tenggara Barat", "bali_nusa_tenggara"),
  province("ID-NT", "Nusa Tenggara Timur", "bali_nusa_tenggara"),
  // Kalimantan
  province("ID-KB", "Kalimantan Barat", "kalimantan"),
  province("ID-KT", "Kalimantan Tengah", "kalimantan"),
  province("ID-KS", "Kalimantan Selatan", "kalimantan"),
  province("ID-KI", "Kalimantan Timur", "kalimantan"),
  province("ID-KU", "Kalimantan Utara", "kalimantan"),
  // Sulawesi
  province("ID-SA", "Sulawesi Utara", "sulawesi"),
  province("ID-GO", "Gorontalo", "sulawesi"),
  province("ID-ST", "Sulawesi Tengah", "sulawesi"),
  province("ID-SR", "Sulawesi Barat", "sulawesi"),
  province("ID-SN", "Sulawesi Selatan", "sulawesi"),
  province("ID-SG", "Sulawesi Tenggara", "sulawesi"),
  // Maluku & Papua
  province("ID-MA", "Maluku", "maluku_papua"),
  province("ID-MU", "Maluku Utara", "maluku_papua"),
  province("ID-PA", "Papua", "maluku_papua"),
  province("ID-PB", "Papua Barat", "maluku_papua"),
  province("ID-PD", "Papua Barat Daya", "maluku_papua"),
  province("ID-PS", "Papua Selatan", "maluku_papua"),
  province("ID-PT", "Papua Tengah", "maluku_papua"),
  province("ID-PE", "Papua Pegunungan", "maluku_papua"),
] as const satisfies readonly Province[];

export type ProvinceCode = (typeof PROVINCES)[number]["code"];

export const PROVINCE_CODES = PROVINCES.map((p) => p.code) as [ProvinceCode, ...ProvinceCode[]];

const byCode = new Map<string, Province>(PROVINCES.map((p) => [p.code, p]));

/** undefined for a code that is not (or no longer) on the list. */
export function findProvince(code: string): Province | undefined {
  return byCode.get(code);
}
