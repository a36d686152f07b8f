// Sums Vitest and Playwright JSON reports into the one line CI ends with: "N passed, N failed".
// A report that is missing (its suite never ran) counts as one failure so that it cannot pass silently.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(`${file}: missing (suite did not run)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  if ("numPassedTests" in report) {
    // Vitest
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  } else {
    // Playwright: expected = passed, unexpected = failed, flaky = passed on retry (counted as failed: no retries here)
    const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
    passed += expected;
    failed += unexpected + flaky;
    console.log(`${file}: ${expected} passed, ${unexpected + flaky} failed`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
