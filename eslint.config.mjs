import path from "node:path";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The README's boundaries as lint rules: `npm run lint` fails when an import crosses one. Paths are matched after
 * resolution (eslint-plugin-import with the TypeScript resolver, both from eslint-config-next), so `@/db`,
 * `@/db/schema` and `../../db/schema` are the same import.
 */
const boundaries = [
  {
    target: "./app",
    from: ["./db", "./bench"],
    message: "app/ stays thin: reach the database through lib/ (types too), and bench/ only from app/(benchmark-only).",
  },
  { target: "./components", from: ["./db", "./bench"], message: "components/ take their data and types from lib/, never from db/." },
  { target: "./db", from: ["./lib", "./app", "./components", "./bench"], message: "db/ takes its configuration as arguments (lib/db.ts passes it); it never imports lib/." },
  {
    target: "./lib/finpay",
    from: ["./lib", "./db", "./app", "./components", "./sandbox"],
    except: ["./finpay"],
    message: "lib/finpay is the liftable Finpay adapter: only its own modules, zod and node:*.",
  },
];

const root = process.cwd();
const DB = path.join(root, "db");
const FINPAY = path.join(root, "lib", "finpay");

/** Where an import specifier points inside the project (the `@/` alias or a relative path), else undefined. */
function projectPath(specifier, file) {
  if (specifier.startsWith("@/")) return path.join(root, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(file), specifier);
  return undefined;
}
const within = (target, dir) => target === dir || target.startsWith(`${dir}${path.sep}`);

/** A "use client" module is shipped to the browser: it must not pull in db/ (server data) or lib/finpay (secrets). */
const clientBoundary = {
  meta: { type: "problem", schema: [], messages: { forbidden: '"use client" module imports {{what}}: pass data and server actions in from lib/ instead.' } },
  create(context) {
    const isClient = context.sourceCode.ast.body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
    if (!isClient) return {};
    const check = (node) => {
      const target = typeof node.source?.value === "string" ? projectPath(node.source.value, context.filename) : undefined;
      if (target && within(target, DB)) context.report({ node, messageId: "forbidden", data: { what: "db/" } });
      if (target && within(target, FINPAY)) context.report({ node, messageId: "forbidden", data: { what: "lib/finpay" } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { storefront: { rules: { "client-boundary": clientBoundary } } },
    rules: {
      // `_name` marks a deliberately unused value, e.g. a field left out of an object with rest destructuring.
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "import/no-restricted-paths": ["error", { zones: boundaries }],
      "storefront/client-boundary": "error",
    },
  },
  {
    // The benchmark's comparison routes exist only in benchmark builds (the `.bench.tsx` page extension, see
    // next.config.ts) and render bench/'s fixtures; every other file in app/ keeps the full boundary.
    files: ["app/(benchmark-only)/**/*.bench.{ts,tsx}"],
    rules: { "import/no-restricted-paths": ["error", { zones: boundaries.map((zone) => (zone.target === "./app" ? { ...zone, from: ["./db"] } : zone)) }] },
  },
  {
    // A route's own test reads the database to check what the route wrote; tests are never part of the app.
    files: ["app/**/*.test.ts"],
    rules: { "import/no-restricted-paths": ["error", { zones: boundaries.map((zone) => (zone.target === "./app" ? { ...zone, from: ["./bench"] } : zone)) }] },
  },
  {
    // lib/finpay knows Finpay's wire format and nothing of Next.js, so it can be lifted into any project.
    files: ["lib/finpay/**/*.ts"],
    ignores: ["lib/finpay/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^(next|next-auth|server-only|react)(/|$)", message: "lib/finpay must not depend on Next.js, React or Auth.js." }] }],
    },
  },
  {
    // The sandbox renders server-side HTML with hono/jsx, not React or Next.js: their rules do not apply there.
    files: ["sandbox/**/*.{ts,tsx}"],
    rules: {
      "@next/next/no-head-element": "off",
      "@next/next/no-html-link-for-pages": "off",
      "@next/next/no-img-element": "off",
      "react-hooks/purity": "off",
      "react-hooks/rules-of-hooks": "off",
    },
  },
  {
    // Playwright fixtures hand their value to the test through a callback named `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", ".data/**", "coverage/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"]),
]);
