import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createSandbox } from "../sandbox";
import { StateFileSchema } from "../state";
import { basicRequest, startTestSandbox } from "./helpers";

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop() ?? "", { recursive: true, force: true });
});
function tempStateFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "finpay-sandbox-"));
  dirs.push(dir);
  return join(dir, "nested", "sandbox-state.json");
}

describe("state persistence", () => {
  it("keeps orders and stored cards across a restart", async () => {
    const stateFile = tempStateFile();
    const first = await startTestSandbox({ stateFile });
    const body = basicRequest("http://127.0.0.1:9/cb", (b) => (b.customer.id = "persist@example.com"));
    await first.api("POST", "/pg/payment/card/initiate", body);
    await first.control("POST", `/orders/${String(body.order.id)}/pay`, { save: true });
    const unpaid = basicRequest("http://127.0.0.1:9/cb");
    await first.api("POST", "/pg/payment/card/initiate", unpaid);
    await first.close(); // flushes the pending write

    const saved = StateFileSchema.parse(JSON.parse(readFileSync(stateFile, "utf8")));
    expect(saved.orders).toHaveLength(2);
    expect(JSON.stringify(saved)).not.toContain("5123450000000008"); // never the PAN

    const second = await startTestSandbox({ stateFile });
    try {
      const check = await second.api("GET", `/pg/payment/card/check/${String(body.order.id)}`);
      expect(check.json.data).toMatchObject({ result: { payment: { status: "CAPTURED" } } });
      expect((await second.api("GET", `/pg/payment/card/check/${String(unpaid.order.id)}`)).json.responseCode).toBe("2000000");
      const cards = await second.api("GET", "/pg/payment/card/customer/persist@example.com");
      expect((cards.json.data as { cards: unknown[] }).cards).toHaveLength(1);
      // a duplicate order id is still refused after the restart
      expect((await second.api("POST", "/pg/payment/card/initiate", body)).json.responseCode).toBe("4090001");
    } finally {
      await second.close();
    }
  });

  it("writes a valid file under concurrent requests (atomic, serialised writes)", async () => {
    const stateFile = tempStateFile();
    const sb = await startTestSandbox({ stateFile });
    const bodies = Array.from({ length: 40 }, () => basicRequest("http://127.0.0.1:9/cb"));
    await Promise.all(bodies.map((b) => sb.api("POST", "/pg/payment/card/initiate", b)));
    await sb.close();
    const saved = StateFileSchema.parse(JSON.parse(readFileSync(stateFile, "utf8")));
    expect(saved.orders).toHaveLength(40);
  });

  it("seeds a fresh file with the seed customer's card", async () => {
    const stateFile = tempStateFile();
    const sb = createSandbox({ stateFile });
    await sb.close();
    const saved = StateFileSchema.parse(JSON.parse(readFileSync(stateFile, "utf8")));
    expect(saved.cards.map((c) => c.customerId)).toEqual(["hajar.finnet@gmail.com"]);
  });

  it("fails fast on a corrupted file, naming it", async () => {
    const stateFile = tempStateFile();
    await createSandbox({ stateFile }).close();
    writeFileSync(stateFile, "{ not json");
    expect(() => createSandbox({ stateFile })).toThrow(/sandbox-state\.json is not valid JSON/);
    writeFileSync(stateFile, JSON.stringify({ version: 1, orders: [{ id: 1 }], cards: [] }));
    expect(() => createSandbox({ stateFile })).toThrow(/unexpected shape at orders\.0/);
  });

  it("memory mode starts seeded and writes nothing", async () => {
    const sb = await startTestSandbox({ stateFile: "memory" });
    expect((await sb.control("GET", "/health")).json).toMatchObject({ state: "memory", storedCards: 1 });
    await sb.close();
  });
});
