import { describe, expect, it } from "vitest";
// Messages are catalogue keys (lib/translatable.ts); lib/validation.test.ts checks what the shopper reads.
import { changePasswordSchema, profileSchema, signUpSchema } from "./validation";

const valid = { firstName: "Sari", lastName: "Wulandari", email: "Sari@Example.com", mobilePhone: "0812 3456 7890" };

function firstError(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const issue = result.error?.issues[0];
  return issue ? { field: String(issue.path[0]), message: issue.message } : undefined;
}

describe("profile validation (Finpay customer limits)", () => {
  it("normalises email to lower case and phone to E.164", () => {
    expect(profileSchema.parse(valid)).toEqual({ firstName: "Sari", lastName: "Wulandari", email: "sari@example.com", mobilePhone: "+6281234567890" });
  });

  it("accepts names of exactly 50 characters and refuses 51", () => {
    expect(profileSchema.safeParse({ ...valid, firstName: "A".repeat(50) }).success).toBe(true);
    expect(firstError(profileSchema.safeParse({ ...valid, firstName: "A".repeat(51) }))).toEqual({
      field: "firstName",
      message: "validation.firstName.tooLong",
    });
    expect(firstError(profileSchema.safeParse({ ...valid, lastName: "B".repeat(51) }))?.field).toBe("lastName");
  });

  it.each([
    ["firstName", "", "validation.firstName.required"],
    ["firstName", "   ", "validation.firstName.required"],
    ["lastName", "<b>", "validation.lastName.pattern"],
    ["firstName", "<script>", "validation.firstName.pattern"],
    ["email", "", "validation.email.required"],
    ["email", "not-an-email", "validation.email.invalid"],
    ["mobilePhone", "", "validation.mobilePhone.required"],
    ["mobilePhone", "12345", "validation.mobilePhone.invalid"],
  ])("%s = %j -> %s", (field, value, message) => {
    expect(firstError(profileSchema.safeParse({ ...valid, [field]: value }))).toEqual({ field, message });
  });

  it("takes a single name: the last name is optional, empty, blank or absent, and kept as \"\"", () => {
    for (const lastName of ["", "   ", undefined]) {
      const parsed = profileSchema.safeParse({ ...valid, firstName: "Sukarno", lastName });
      expect(parsed.success, JSON.stringify(lastName)).toBe(true);
      expect(parsed.data?.lastName).toBe("");
    }
    expect(signUpSchema.safeParse({ ...valid, lastName: "", password: "rahasia-123", confirmPassword: "rahasia-123" }).success).toBe(true);
  });

  it("accepts names with marks, apostrophes and dashes", () => {
    expect(profileSchema.safeParse({ ...valid, firstName: "Ni Luh", lastName: "D'Souza-Putri" }).success).toBe(true);
    expect(profileSchema.safeParse({ ...valid, firstName: "Zoë" }).success).toBe(true);
  });

  it("limits email to 320 characters", () => {
    expect(firstError(profileSchema.safeParse({ ...valid, email: `${"a".repeat(310)}@example.com` }))).toEqual({
      field: "email",
      message: "validation.email.tooLong",
    });
  });
});

describe("sign-up and password validation", () => {
  const signUp = { ...valid, password: "correct horse", confirmPassword: "correct horse" };

  it("accepts a complete sign-up", () => {
    expect(signUpSchema.safeParse(signUp).success).toBe(true);
  });

  it("refuses a short password and a mismatched confirmation", () => {
    expect(firstError(signUpSchema.safeParse({ ...signUp, password: "short", confirmPassword: "short" }))).toEqual({
      field: "password",
      message: "validation.password.tooShort",
    });
    expect(firstError(signUpSchema.safeParse({ ...signUp, confirmPassword: "different!" }))).toEqual({
      field: "confirmPassword",
      message: "validation.password.mismatch",
    });
    expect(firstError(signUpSchema.safeParse({ ...signUp, password: "x".repeat(129), confirmPassword: "x".repeat(129) }))?.message).toBe(
      "validation.password.tooLong",
    );
  });

  it("reports a mismatched confirmation together with every other wrong field (not on the next round trip)", () => {
    const result = signUpSchema.safeParse({ firstName: "", lastName: "<b>", email: "nope", mobilePhone: "12345", password: "short", confirmPassword: "other" });
    const fields = new Set(result.error?.issues.map((issue) => String(issue.path[0])));
    expect([...fields].sort()).toEqual(["confirmPassword", "email", "firstName", "lastName", "mobilePhone", "password"]);
  });

  it("does the same on change of password", () => {
    const result = changePasswordSchema.safeParse({ currentPassword: "", newPassword: "short", confirmPassword: "other" });
    expect(new Set(result.error?.issues.map((issue) => String(issue.path[0])))).toEqual(new Set(["currentPassword", "newPassword", "confirmPassword"]));
  });

  it("checks the new password on change", () => {
    expect(changePasswordSchema.safeParse({ currentPassword: "a", newPassword: "long enough", confirmPassword: "long enough" }).success).toBe(true);
    expect(firstError(changePasswordSchema.safeParse({ currentPassword: "", newPassword: "long enough", confirmPassword: "long enough" }))?.field).toBe(
      "currentPassword",
    );
  });
});

describe("names: NFC and grapheme counting", () => {
  const zalgo = `A${"\u0301".repeat(49)}`; // one letter and 49 combining marks: 50 code units
  it("refuses one letter with 49 combining marks", () => {
    expect(firstError(profileSchema.safeParse({ ...valid, firstName: zalgo }))).toEqual({
      field: "firstName",
      message: "validation.firstName.tooManyMarks",
    });
  });

  it("stores the NFC form: a decomposed é becomes one character", () => {
    const decomposed = "Rene\u0301";
    expect(profileSchema.parse({ ...valid, firstName: decomposed }).firstName).toBe("Ren\u00e9");
  });

  it("counts letters as the customer sees them: 50 decomposed é are accepted (50 characters after NFC)", () => {
    const parsed = profileSchema.parse({ ...valid, lastName: "e\u0301".repeat(50) });
    expect(parsed.lastName).toBe("\u00e9".repeat(50));
    expect(parsed.lastName.length).toBeLessThanOrEqual(50);
  });

  it("keeps Finpay's 50-character limit on what is sent when marks do not compose", () => {
    // "ṩ"-like letters whose marks have no precomposed form: 30 letters, 60 code units.
    const result = profileSchema.safeParse({ ...valid, firstName: "q\u0307".repeat(30) });
    expect(firstError(result)).toEqual({
      field: "firstName",
      message: "validation.firstName.tooLongWithMarks",
    });
  });

  it("accepts real names with marks", () => {
    for (const name of ["Nguyễn Thị", "Dévi", "Putu Ayu", "O'Neil", "Sánchez-Ortiz", "हिन्दी", "Ṭhākur"]) {
      const parsed = profileSchema.safeParse({ ...valid, firstName: name });
      expect(parsed.success, name).toBe(true);
      if (parsed.success) expect(parsed.data.firstName.length, name).toBeLessThanOrEqual(50);
    }
  });

  it("every accepted name fits Finpay's limit as lib/finpay counts it", () => {
    const candidates = [zalgo, "a".repeat(50), "e\u0301".repeat(50), "q\u0307".repeat(25), `${"e\u0301\u0302".repeat(20)}`];
    for (const candidate of candidates) {
      const parsed = profileSchema.safeParse({ ...valid, firstName: candidate });
      if (parsed.success) expect(parsed.data.firstName.length).toBeLessThanOrEqual(50);
    }
  });
});
