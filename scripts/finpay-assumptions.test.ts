import { describe, expect, it } from "vitest";
import { assumptionRows, checkAssumptions, disagreements, markersIn, MARKER_KINDS } from "./finpay-assumptions";

/**
 * Everything the code assumes about Finpay is one list: each marker in the code has a row in README.md's table, each
 * row has a marker, and each row names the files that hold its marker. The markers are spelt through MARKER_KINDS
 * here, so this file is not read as holding any.
 */
const [GUESS, TOLERANCE] = MARKER_KINDS;

const README = (rows: string[]) =>
  ["# Shop", "", "## Finpay: what is known and what is assumed", "", "| Id | Assumption | Where | Confirm |", "|---|---|---|---|", ...rows, "", "## Going live", "| `not-a-row` | x | y | z |"].join("\n");

describe("Finpay's assumptions: code markers and README.md's table", () => {
  it("agree in this repository", () => {
    const { markers, rows, problems } = checkAssumptions(process.cwd());
    expect(problems).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    // The ones this code leans on hardest are there, each marked where it is made.
    for (const id of ["void-body", "void-form-refusal", "refund-body", "callback-retry-spacing", "callback-retry-on-failure", "stored-cards-api", "signature-bytes"]) {
      expect(markers.some((m) => m.id === id), id).toBe(true);
    }
  });

  it("read markers with an id, with or without a note, and flag a marker word without one", () => {
    const text = [`// [${GUESS}:wib-times: §4.1] a note`, `/** [${TOLERANCE}:loose-responses] */`, `// [DOC; ${GUESS}:response-codes]`, `// [${GUESS}] no id`, `// [${GUESS}:Bad_Id] not an id`].join("\n");
    const found = markersIn("lib/finpay/x.ts", text);
    expect(found.markers).toEqual([
      { kind: GUESS, id: "wib-times", file: "lib/finpay/x.ts", line: 1 },
      { kind: TOLERANCE, id: "loose-responses", file: "lib/finpay/x.ts", line: 2 },
      { kind: GUESS, id: "response-codes", file: "lib/finpay/x.ts", line: 3 },
    ]);
    expect(found.loose.map((m) => m.line)).toEqual([4, 5]);
  });

  it("read the rows of the table in its own section only, telling tolerances from guesses", () => {
    const rows = assumptionRows(README(["| `wib-times` | Times are WIB | `lib/finpay/format.ts` | countdown |", `| \`loose-responses\` | [${TOLERANCE}] extra members | \`lib/finpay/schemas.ts\` | body |`]));
    expect(rows).toEqual([
      { id: "wib-times", kind: GUESS, where: "`lib/finpay/format.ts`" },
      { id: "loose-responses", kind: TOLERANCE, where: "`lib/finpay/schemas.ts`" },
    ]);
  });

  it("name every disagreement: a marker without a row or an id, a row without a marker, a file the row does not name, a kind that differs", () => {
    const found = markersIn("sandbox/x.ts", [`// [${GUESS}:qris-string-field]`, `// [${GUESS}:wib-times]`, `// [${GUESS}]`, `// [${GUESS}:loose-responses]`].join("\n"));
    const rows = assumptionRows(
      README([
        "| `wib-times` | Times are WIB | `lib/finpay/format.ts` | countdown |",
        "| `stale-guess` | Nothing marks this | `lib/finpay/old.ts` | - |",
        `| \`loose-responses\` | [${TOLERANCE}] extra members | \`sandbox/x.ts\` | body |`,
      ]),
    );
    expect(disagreements(found, rows)).toEqual([
      expect.stringMatching(/^sandbox\/x\.ts:3: a marker without an id/),
      'README.md: the row `wib-times` does not name sandbox/x.ts in its "Where" cell, which holds its marker',
      "README.md: the row `stale-guess` has no marker in the code (remove the row, or mark the code that makes the assumption)",
      `sandbox/x.ts:4: ${GUESS}:loose-responses, but README.md's row \`loose-responses\` is a tolerance`,
      `sandbox/x.ts:1: ${GUESS}:qris-string-field has no row in README.md's table "Finpay: what is known and what is assumed"`,
    ]);
  });
});
