// `npm run finpay:assumptions`: everything the code assumes about Finpay, as one list. Each assumption is marked in
// the code where it lives, `[INFER:<id>]` (a guess about Finpay) or `[TOLERANT:<id>]` (Finpay might send something
// else, and we accept it), and has one row in README.md's table "Finpay: what is known and what is assumed", whose
// first cell is the id. This lists the markers by id and says where code and table disagree; the Vitest test
// beside it fails on any disagreement. Exit 0 when they agree, 1 when not.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The two marker words, written so that this file holds no marker itself. */
export const MARKER_KINDS = ["INF" + "ER", "TOLER" + "ANT"] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/** Where code lives; every .ts and .tsx file under these is read (node_modules and build output never are). */
export const SCANNED_DIRECTORIES = ["lib", "sandbox", "app", "components", "db", "scripts", "e2e", "e2e-cluster", "test-support", "bench", "i18n"];
const SKIPPED = new Set(["node_modules", ".next", ".data", "test-results", "test-reports"]);
/** This checker and its test speak about markers without being any. */
const SELF = new Set(["scripts/finpay-assumptions.ts", "scripts/finpay-assumptions.test.ts"]);

export const ASSUMPTIONS_HEADING = "## Finpay: what is known and what is assumed";

const ID = "[a-z0-9]+(?:-[a-z0-9]+)*";

export interface Marker {
  kind: MarkerKind;
  id: string;
  file: string;
  line: number;
}

/** A marker word without a well-formed id after it: it cannot be matched to a row. */
export interface LooseMarker {
  file: string;
  line: number;
  text: string;
}

export interface AssumptionRow {
  id: string;
  kind: MarkerKind;
  /** The "Where" cell as written. */
  where: string;
}

export function markersIn(file: string, text: string): { markers: Marker[]; loose: LooseMarker[] } {
  const markers: Marker[] = [];
  const loose: LooseMarker[] = [];
  const word = new RegExp(`\\b(${MARKER_KINDS.join("|")})\\b(:${ID}\\b)?`, "g");
  text.split("\n").forEach((content, index) => {
    for (const match of content.matchAll(word)) {
      const kind = match[1] as MarkerKind;
      if (match[2]) markers.push({ kind, id: match[2].slice(1), file, line: index + 1 });
      else loose.push({ file, line: index + 1, text: content.trim().slice(0, 160) });
    }
  });
  return { markers, loose };
}

/** Every marker in the code under `root`. */
export function scanMarkers(root: string, directories = SCANNED_DIRECTORIES): { markers: Marker[]; loose: LooseMarker[] } {
  const markers: Marker[] = [];
  const loose: LooseMarker[] = [];
  const visit = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      return; // a directory this checkout does not have
    }
    for (const entry of entries) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) visit(child);
      } else if (/\.tsx?$/.test(entry.name) && !SELF.has(child)) {
        const found = markersIn(child, readFileSync(path.join(root, child), "utf8"));
        markers.push(...found.markers);
        loose.push(...found.loose);
      }
    }
  };
  for (const directory of directories) visit(directory);
  return { markers, loose };
}

/**
 * The rows of README's assumptions table: `| \`id\` | assumption | where | confirm |`. A row whose assumption starts
 * with the tolerance word is a tolerance; every other row is an inference.
 */
export function assumptionRows(readme: string): AssumptionRow[] {
  const start = readme.indexOf(`\n${ASSUMPTIONS_HEADING}\n`);
  if (start < 0) throw new Error(`README.md has no section "${ASSUMPTIONS_HEADING}"`);
  const next = readme.indexOf("\n## ", start + ASSUMPTIONS_HEADING.length + 1);
  const section = readme.slice(start, next < 0 ? undefined : next);
  const rows: AssumptionRow[] = [];
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    const id = new RegExp(`^\`(${ID})\`$`).exec(cells[1] ?? "")?.[1];
    if (!line.startsWith("|") || !id) continue;
    rows.push({ id, kind: (cells[2] ?? "").startsWith(`[${MARKER_KINDS[1]}]`) ? MARKER_KINDS[1] : MARKER_KINDS[0], where: cells[3] ?? "" });
  }
  return rows;
}

/** Every way code and table disagree, in words a developer can act on. Empty when they agree. */
export function disagreements(found: { markers: Marker[]; loose: LooseMarker[] }, rows: AssumptionRow[]): string[] {
  const problems: string[] = [];
  for (const marker of found.loose) {
    problems.push(`${marker.file}:${marker.line}: a marker without an id ("${marker.text}"): write ${MARKER_KINDS[0]}:<id> or ${MARKER_KINDS[1]}:<id> and give the id a row in README.md`);
  }
  const byId = new Map<string, Marker[]>();
  for (const marker of found.markers) byId.set(marker.id, [...(byId.get(marker.id) ?? []), marker]);
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.id)) problems.push(`README.md: the id \`${row.id}\` has two rows`);
    seen.add(row.id);
    const markers = byId.get(row.id);
    if (!markers) {
      problems.push(`README.md: the row \`${row.id}\` has no marker in the code (remove the row, or mark the code that makes the assumption)`);
      continue;
    }
    for (const marker of markers.filter((m) => m.kind !== row.kind)) {
      problems.push(`${marker.file}:${marker.line}: ${marker.kind}:${marker.id}, but README.md's row \`${row.id}\` is ${row.kind === MARKER_KINDS[1] ? "a tolerance" : "an inference"}`);
    }
    for (const file of new Set(markers.map((m) => m.file))) {
      if (!row.where.includes(file)) problems.push(`README.md: the row \`${row.id}\` does not name ${file} in its "Where" cell, which holds its marker`);
    }
  }
  for (const [id, markers] of byId) {
    if (!seen.has(id)) problems.push(`${markers[0]!.file}:${markers[0]!.line}: ${markers[0]!.kind}:${id} has no row in README.md's table "${ASSUMPTIONS_HEADING.slice(3)}"`);
  }
  return problems;
}

export function checkAssumptions(root: string): { markers: Marker[]; rows: AssumptionRow[]; problems: string[] } {
  const found = scanMarkers(root);
  const rows = assumptionRows(readFileSync(path.join(root, "README.md"), "utf8"));
  return { markers: found.markers, rows, problems: disagreements(found, rows) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { markers, rows, problems } = checkAssumptions(process.cwd());
  for (const row of rows) {
    const places = [...new Set(markers.filter((m) => m.id === row.id).map((m) => `${m.file}:${m.line}`))];
    console.log(`${row.kind === MARKER_KINDS[1] ? "tolerant" : "infer   "}  ${row.id.padEnd(28)} ${places.join(", ") || "(no marker)"}`);
  }
  console.log(problems.length === 0 ? `\n${rows.length} assumptions; code and README.md agree.` : `\n${problems.length} disagreement(s):\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
