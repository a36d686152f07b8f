import { describe, expect, it } from "vitest";
import { COURIER_IDS, COURIERS, courierOfOption, isResiOf, normalizeResi, trackingUrl } from "./couriers";
import { DELIVERY_OPTION_IDS } from "./rates";

describe("couriers", () => {
  it("accept their own example resi and refuse the other couriers' (an all-digit JNE number can be SiCepat's)", () => {
    const accepted = COURIER_IDS.flatMap((courier) => COURIER_IDS.filter((other) => isResiOf(courier, COURIERS[other].resiExample)).map((other) => `${courier}:${other}`));
    expect(accepted.sort()).toEqual(["jne:jne", "jne:sicepat", "jnt:jnt", "sicepat:sicepat"]);
    expect(isResiOf("jne", "0123456789012345")).toBe(true);
  });

  it("read a resi as typed, in any case, with spaces and dashes", () => {
    expect(normalizeResi("  jp 1234-567 890 ")).toBe("JP1234567890");
    expect(isResiOf("jnt", normalizeResi("jp 1234-567 890"))).toBe(true);
  });

  it("refuse what is too short, too long, or not a resi at all", () => {
    for (const resi of ["", "CGK123", "12345678901234567", "CGK-ABCDEFGHIJ", "+6281234567801"]) expect(isResiOf("jne", normalizeResi(resi))).toBe(false);
    for (const resi of ["JP123456789", "JP12345678901", "XP1234567890", "1234567890"]) expect(isResiOf("jnt", resi)).toBe(false);
    for (const resi of ["00123456789", "0012345678901", "JP1234567890"]) expect(isResiOf("sicepat", resi)).toBe(false);
  });

  it("know the courier of every delivery option, and link to its public tracking page with the resi", () => {
    for (const option of DELIVERY_OPTION_IDS) expect(courierOfOption(option)).not.toBeNull();
    expect(courierOfOption("pos-kilat")).toBeNull();
    expect(courierOfOption(undefined)).toBeNull();
    for (const courier of COURIER_IDS) {
      const url = new URL(trackingUrl(courier, COURIERS[courier].resiExample));
      expect(url.protocol).toBe("https:");
      expect(url.search).toContain(COURIERS[courier].resiExample);
    }
  });
});
