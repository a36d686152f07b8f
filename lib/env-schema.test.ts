import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, readEnvVariable } from "./env-schema";

describe("environment variables that used to bypass the schema", () => {
  it("DATABASE_POOL_SIZE, AUTH_TRUST_HOST and LOG_LEVEL have their documented defaults", () => {
    expect(parseEnv({})).toMatchObject({ DATABASE_POOL_SIZE: 10, AUTH_TRUST_HOST: true, LOG_LEVEL: "info" });
    expect(parseEnv({ DATABASE_POOL_SIZE: "", AUTH_TRUST_HOST: "", LOG_LEVEL: "" })).toMatchObject({ DATABASE_POOL_SIZE: 10, AUTH_TRUST_HOST: true, LOG_LEVEL: "info" });
  });

  it("reads valid values", () => {
    expect(parseEnv({ DATABASE_POOL_SIZE: "25", AUTH_TRUST_HOST: "false", LOG_LEVEL: "debug" })).toMatchObject({
      DATABASE_POOL_SIZE: 25,
      AUTH_TRUST_HOST: false,
      LOG_LEVEL: "debug",
    });
  });

  it.each([
    ["DATABASE_POOL_SIZE", "ten"],
    ["DATABASE_POOL_SIZE", "0"],
    ["DATABASE_POOL_SIZE", "2.5"],
    ["AUTH_TRUST_HOST", "yes"],
    ["LOG_LEVEL", "verbose"],
  ])("refuses %s=%s with an error naming the variable", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`^Invalid environment variable ${name}: `));
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
  });

  it("readEnvVariable applies the same rule to one variable", () => {
    expect(readEnvVariable("AUTH_TRUST_HOST", {})).toBe(true);
    expect(readEnvVariable("AUTH_TRUST_HOST", { AUTH_TRUST_HOST: "false" })).toBe(false);
    expect(readEnvVariable("LOG_LEVEL", { LOG_LEVEL: "warn" })).toBe("warn");
    expect(() => readEnvVariable("LOG_LEVEL", { LOG_LEVEL: "loud" })).toThrow(/^Invalid environment variable LOG_LEVEL: /);
  });
});

describe("mail and job settings", () => {
  it("default to MailDev, the shop's own sender and reconciliation every minute", () => {
    expect(parseEnv({})).toMatchObject({
      SMTP_URL: "smtp://localhost:1025",
      MAIL_FROM: "Toko Nusantara <no-reply@toko-nusantara.test>",
      RECONCILE_CRON: "* * * * *",
    });
  });

  it("accept a real SMTP server, a bare sender address and another schedule", () => {
    expect(parseEnv({ SMTP_URL: "smtps://user:pass@smtp.example.id:465", MAIL_FROM: "toko@example.id", RECONCILE_CRON: "*/5 * * * *" })).toMatchObject({
      SMTP_URL: "smtps://user:pass@smtp.example.id:465",
      MAIL_FROM: "toko@example.id",
      RECONCILE_CRON: "*/5 * * * *",
    });
  });

  it.each([
    ["SMTP_URL", "http://localhost:1025"],
    ["SMTP_URL", "localhost:1025"],
    ["MAIL_FROM", "Toko Nusantara"],
    ["MAIL_FROM", "a@b.c\r\nBcc: x@y.z"],
    ["RECONCILE_CRON", "every minute"],
  ])("refuse %s=%j with an error naming the variable", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`^Invalid environment variable ${name}: `));
  });
});

describe("Finpay settings that follow its documentation", () => {
  it("void defaults to the documented POST; GET can be chosen; anything else names the variable", () => {
    expect(parseEnv({}).FINPAY_VOID_FORM).toBe("post");
    expect(parseEnv({ FINPAY_VOID_FORM: "" }).FINPAY_VOID_FORM).toBe("post");
    expect(parseEnv({ FINPAY_VOID_FORM: "get" }).FINPAY_VOID_FORM).toBe("get");
    expect(() => parseEnv({ FINPAY_VOID_FORM: "POST" })).toThrow(/^Invalid environment variable FINPAY_VOID_FORM: must be post or get/);
  });

  it("reconciliation waits at most Finpay's 111-minute retry window before asking check-status", () => {
    expect(parseEnv({ RECONCILE_AFTER_SECONDS: "6660" }).RECONCILE_AFTER_SECONDS).toBe(6660);
    expect(() => parseEnv({ RECONCILE_AFTER_SECONDS: "6661" })).toThrow(/^Invalid environment variable RECONCILE_AFTER_SECONDS: must be at most 6660: Finpay's last callback retry comes 111 minutes after the first/);
  });
});

describe("picture storage", () => {
  it("defaults to files under .data/media and refuses a store it does not know, naming the variable", () => {
    expect(parseEnv({})).toMatchObject({ MEDIA_STORE: "local", MEDIA_DIR: ".data/media" });
    expect(parseEnv({ MEDIA_STORE: "", MEDIA_DIR: "/srv/media" })).toMatchObject({ MEDIA_STORE: "local", MEDIA_DIR: "/srv/media" });
    expect(() => parseEnv({ MEDIA_STORE: "s3" })).toThrow(/^Invalid environment variable MEDIA_STORE: /);
  });
});
