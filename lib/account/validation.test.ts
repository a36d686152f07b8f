import { describe, expect, it } from "vitest";
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
      message: "First name must be at most 50 characters.",
    });
    expect(firstError(profileSchema.safeParse({ ...valid, lastName: "B".repeat(51) }))?.field).toBe("lastName");
  });

  it.each([
    ["firstName", "", "First name is required."],
    ["firstName", "   ", "First name is required."],
    ["lastName", "", "Last name is required."],
    ["firstName", "<script>", "First name may contain letters, spaces, apostrophes, dots and dashes only."],
    ["email", "", "Email is required."],
    ["email", "not-an-email", "Enter a valid email address, e.g. nama@contoh.co.id."],
    ["mobilePhone", "", "Mobile phone is required."],
    ["mobilePhone", "12345", "Enter an Indonesian mobile number, e.g. 0812 3456 7890 or +62 812 3456 7890."],
  ])("%s = %j -> %s", (field, value, message) => {
    expect(firstError(profileSchema.safeParse({ ...valid, [field]: value }))).toEqual({ field, message });
  });

  it("accepts names with marks, apostrophes and dashes", () => {
    expect(profileSchema.safeParse({ ...valid, firstName: "Ni Luh", lastName: "D'Souza-Putri" }).success).toBe(true);
    expect(profileSchema.safeParse({ ...valid, firstName: "Zoë" }).success).toBe(true);
  });

  it("limits email to 320 characters", () => {
    expect(firstError(profileSchema.safeParse({ ...valid, email: `${"a".repeat(310)}@example.com` }))).toEqual({
      field: "email",
      message: "Email must be at most 320 characters.",
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
      message: "Password must be at least 8 characters.",
    });
    expect(firstError(signUpSchema.safeParse({ ...signUp, confirmPassword: "different!" }))).toEqual({
      field: "confirmPassword",
      message: "The passwords do not match.",
    });
    expect(firstError(signUpSchema.safeParse({ ...signUp, password: "x".repeat(129), confirmPassword: "x".repeat(129) }))?.message).toBe(
      "Password must be at most 128 characters.",
    );
  });

  it("checks the new password on change", () => {
    expect(changePasswordSchema.safeParse({ currentPassword: "a", newPassword: "long enough", confirmPassword: "long enough" }).success).toBe(true);
    expect(firstError(changePasswordSchema.safeParse({ currentPassword: "", newPassword: "long enough", confirmPassword: "long enough" }))?.field).toBe(
      "currentPassword",
    );
  });
});
