import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { signInSchema, SIGN_UP_FIELDS, signUpSchema } from "@/lib/account/validation";
import { addressSchema, ADDRESS_FIELDS } from "@/lib/delivery/address-validation";
import { UserFacingError } from "@/lib/errors";
import { MESSAGES } from "@/messages";
import { waitInWords } from "@/lib/auth/throttle";
import { msg, translatorFrom } from "./translatable";
import { parseForm } from "./validation";

const translate = (locale: "id" | "en") => translatorFrom(createTranslator({ locale, messages: MESSAGES[locale] }));

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const everythingWrong = form({ firstName: "", lastName: "<b>", email: "nope", mobilePhone: "12345", password: "short", confirmPassword: "other" });

describe("parseForm", () => {
  it("names every wrong field at once, each with its first message, and keeps what was typed", () => {
    const parsed = parseForm(signUpSchema, everythingWrong, SIGN_UP_FIELDS);
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: {
        firstName: "validation.firstName.required",
        lastName: "validation.lastName.pattern",
        email: "validation.email.invalid",
        mobilePhone: "validation.mobilePhone.invalid",
        password: "validation.password.tooShort",
        confirmPassword: "validation.password.mismatch",
      },
      values: { firstName: "", lastName: "<b>", email: "nope", mobilePhone: "12345", password: "short", confirmPassword: "other" },
    });
  });

  it("translates every message into the shopper's language, with the schema's limits filled in", () => {
    const id = parseForm(signUpSchema, everythingWrong, SIGN_UP_FIELDS, translate("id"));
    expect(id.ok ? null : id.fieldErrors).toEqual({
      firstName: "Nama depan wajib diisi.",
      lastName: "Nama belakang hanya boleh berisi huruf, spasi, apostrof, titik, dan tanda hubung.",
      email: "Masukkan alamat email yang valid, misalnya nama@contoh.co.id.",
      mobilePhone: "Masukkan nomor HP Indonesia, misalnya 0812 3456 7890 atau +62 812 3456 7890.",
      password: "Kata sandi minimal 8 karakter.",
      confirmPassword: "Kata sandi tidak sama.",
    });
    const en = parseForm(signUpSchema, form({ firstName: "A".repeat(51) }), SIGN_UP_FIELDS, translate("en"));
    expect(en.ok ? null : en.fieldErrors.firstName).toBe("First name must be at most 50 characters.");
    expect(en.ok ? null : en.fieldErrors.password).toBe("Password is required.");
  });

  it("translates the address form's messages too", () => {
    const parsed = parseForm(addressSchema, form({ recipientName: "Budi", mobilePhone: "0812 3456 7890", street: "", postalCode: "123", notes: "x".repeat(201) }), ADDRESS_FIELDS, translate("id"));
    expect(parsed.ok ? null : parsed.fieldErrors).toEqual({
      street: "Jalan dan nomor rumah wajib diisi.",
      district: "Kelurahan / kecamatan wajib diisi.",
      city: "Kota / kabupaten wajib diisi.",
      provinceCode: "Pilih provinsi dari daftar.",
      postalCode: "Kode pos harus 5 angka, misalnya 40115.",
      notes: "Catatan maksimal 200 karakter.",
    });
  });

  it("shows a message that is not a catalogue key as it is (schemas not yet translated)", () => {
    const parsed = parseForm(signInSchema.extend({ email: signInSchema.shape.email.refine(() => false, "Literal English.") }), form({ email: "a@b.co", password: "x" }), ["email", "password"], translate("id"));
    expect(parsed.ok ? null : parsed.fieldErrors.email).toBe("Literal English.");
  });

  it("accepts a valid form", () => {
    const parsed = parseForm(signInSchema, form({ email: " Sari@Example.com ", password: "x" }), ["email", "password"], translate("id"));
    expect(parsed).toEqual({ ok: true, data: { email: "sari@example.com", password: "x" } });
  });
});

describe("translatable texts", () => {
  it("translate nested values: how long to wait, in each language", () => {
    const text = msg("auth.signIn.throttled", { wait: waitInWords(15 * 60) });
    expect(translate("en")(text)).toBe("Too many failed sign-in attempts. Please wait 15 minutes and try again.");
    expect(translate("id")(text)).toBe("Terlalu banyak percobaan masuk yang gagal. Silakan tunggu 15 menit lalu coba lagi.");
    expect(translate("en")(waitInWords(1))).toBe("1 second");
    expect(translate("en")(waitInWords(61))).toBe("2 minutes");
  });

  it("a UserFacingError carries its key for the action to translate; a legacy sentence stays as it is", () => {
    const error = new UserFacingError(msg("account.errors.emailTaken"), "conflict", "email");
    expect(error.message).toBe("account.errors.emailTaken");
    expect(translate("id")(error.text)).toBe("Sudah ada akun dengan email ini.");
    expect(translate("id")(new UserFacingError("Old English text.", "conflict").text)).toBe("Old English text.");
  });
});
