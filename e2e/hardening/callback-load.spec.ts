import { spawn } from "node:child_process";
import { expect, test } from "../support/fixtures";

/**
 * bench/load/callback-load.ts inside the suite: 2,000 mixed callbacks (genuine, duplicate, forged, out of order)
 * sent 50 at a time to a second app instance (port 3401, its own database unless DATABASE_URL is set) and a sandbox
 * of its own (port 4401). The script checks the database itself and exits non-zero on any failed check; this test
 * also reads its figures. E2E_LOAD_CALLBACKS makes the run smaller or larger.
 */

const CALLBACKS = Number(process.env.E2E_LOAD_CALLBACKS ?? 2_000);

function runLoadScript(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", "--conditions=react-server", "bench/load/callback-load.ts", ...args], { env: process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

test(`${CALLBACKS} concurrent mixed callbacks: no 5xx, one transition per attempt, every signed event recorded, forged ones bounded`, async ({}, testInfo) => {
  test.setTimeout(240_000);
  const attempts = Math.max(1, Math.round(CALLBACKS / 10));
  const run = await runLoadScript(["--callbacks", String(CALLBACKS), "--attempts", String(attempts), "--concurrency", "50", "--app-port", "3401", "--sandbox-port", "4401"]);
  await testInfo.attach("callback-load output", { body: run.stdout + run.stderr, contentType: "text/plain" });
  console.log(run.stdout.split("\n").filter((line) => line.startsWith("  ") || line.startsWith("Callback")).join("\n"));
  const resultLine = run.stdout.split("\n").find((line) => line.startsWith('{"event":"callback_load.result"'));
  expect(resultLine, `the script printed its figures (exit ${run.code}): ${run.stderr.slice(-2_000)}`).toBeTruthy();
  const figures = JSON.parse(resultLine!) as Record<string, unknown>;
  expect(figures).toMatchObject({
    passed: true,
    answers5xx: 0,
    unexpectedAnswers: 0,
    wrongTransitions: 0,
    wrongFinalStatus: 0,
    duplicatePayments: 0,
    callbacksSent: CALLBACKS,
    forgedBounded: true,
  });
  expect(figures.signedRecorded).toBe(figures.signedSent);
  expect(figures.settledWithOneTransition).toBe(figures.settledAttempts);
  expect(run.code).toBe(0);
});
