/** @jsxImportSource hono/jsx */
import { createHash } from "node:crypto";
import type { Child } from "hono/jsx";
import { raw } from "hono/html";

/**
 * The frame of every hosted page. Styles are inline (no CDN, the sandbox must work offline); colours keep at
 * least 4.5:1 contrast and every focusable element gets a visible focus ring.
 */
const STYLES = `
:root { color-scheme: light; --ink: #1a2230; --muted: #4a5568; --line: #c9d1dc; --brand: #0b4f9c; --brand-dark: #083a73;
  --bg: #f2f5f9; --ok: #0f6b3a; --bad: #a4161a; --warn-bg: #fff4d6; --focus: #ffbf47; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--brand); }
a:hover { color: var(--brand-dark); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
.banner { background: var(--warn-bg); border-bottom: 1px solid #e0c66b; padding: .5rem 1rem; text-align: center; font-size: .9rem; }
header.site { background: var(--brand); color: #fff; padding: .75rem 1rem; }
header.site .wrap { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
header.site a { color: #fff; }
.logo { font-weight: 700; font-size: 1.2rem; letter-spacing: .02em; }
.wrap { max-width: 44rem; margin: 0 auto; }
main.wrap { padding: 1.25rem 1rem 3rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1.25rem; margin-bottom: 1.25rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: 0; }
dl.summary dt { color: var(--muted); }
dl.summary dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
dl.summary + form, dl.summary + .error-summary { margin-top: 1rem; }
.field { margin-bottom: 1rem; }
.field label { display: block; font-weight: 600; margin-bottom: .25rem; }
.hint { display: block; color: var(--muted); font-size: .9rem; margin-bottom: .25rem; }
.block { display: block; }
input[type=text], input[type=password] { width: 100%; padding: .6rem .7rem; font: inherit; border: 2px solid #6b778a; border-radius: .35rem; background: #fff; color: var(--ink); }
input[aria-invalid=true] { border-color: var(--bad); }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.check { display: flex; gap: .5rem; align-items: flex-start; margin-bottom: 1rem; }
.check input { width: 1.2rem; height: 1.2rem; margin-top: .2rem; }
.field-error { color: var(--bad); font-weight: 600; margin: .25rem 0 0; }
.error-summary { border: 2px solid var(--bad); border-radius: .35rem; padding: .75rem 1rem; margin-bottom: 1rem; background: #fff5f5; }
.error-summary h2 { color: var(--bad); }
.error-summary ul { margin: 0; padding-left: 1.2rem; }
button { font: inherit; font-weight: 700; padding: .7rem 1.2rem; border-radius: .35rem; border: 2px solid var(--brand); background: var(--brand); color: #fff; cursor: pointer; width: 100%; }
button:hover { background: var(--brand-dark); }
button:disabled { cursor: progress; background: #4a6f99; border-color: #4a6f99; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.table-scroll { overflow-x: auto; max-width: 100%; }
.table-scroll:focus-visible { outline-offset: 4px; }
.nowrap { white-space: nowrap; }
.notice { background: #eef4fb; border-left: 4px solid var(--brand); padding: .6rem .8rem; margin-bottom: 1rem; }
.status-ok { color: var(--ok); }
.status-bad { color: var(--bad); }
.saved-card { font-size: 1.1rem; font-weight: 700; }
table { width: 100%; border-collapse: collapse; font-size: .92rem; }
caption { text-align: left; font-weight: 700; font-size: 1.05rem; margin-bottom: .5rem; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
td code { font-size: .95rem; }
.back { display: inline-block; margin-top: .5rem; font-weight: 600; }
footer.site { color: var(--muted); font-size: .85rem; text-align: center; padding: 1rem; }
@media (max-width: 32rem) {
  .row { grid-template-columns: 1fr; }
  /* The test-card table on a phone: each card a block, its number on the first line, brand and result below. */
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stack tr { display: grid; grid-template-columns: 1fr; padding: .45rem 0; border-bottom: 1px solid var(--line); }
  table.stack td { border: 0; padding: .05rem .25rem; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
}
`;

/**
 * The pages' one script. (1) Updates every countdown once a second and reloads the page (a GET) when the link runs
 * out. (2) A form with data-busy-label shows that the payment is being processed once it is submitted: the button
 * is disabled (a second click cannot pay twice), says so, and is aria-busy; a live region announces it. A page
 * restored from the back-forward cache gets its buttons back.
 */
const PAGE_SCRIPT = `
for (const el of document.querySelectorAll("[data-expires-at]")) {
  const end = Number(el.getAttribute("data-expires-at"));
  const pad = (n) => String(n).padStart(2, "0");
  const tick = () => {
    const left = Math.max(0, Math.floor((end - Date.now()) / 1000));
    el.textContent = pad(Math.floor(left / 3600)) + ":" + pad(Math.floor(left / 60) % 60) + ":" + pad(left % 60);
    if (left === 0) { clearInterval(timer); setTimeout(() => location.assign(location.pathname.replace(/\\/3ds$/, "")), 1000); }
  };
  const timer = setInterval(tick, 1000);
  tick();
}
for (const form of document.querySelectorAll("form[data-busy-label]")) {
  const button = form.querySelector("button[type=submit]");
  const status = form.querySelector("[data-busy-status]");
  if (!button) continue;
  const idle = button.textContent;
  form.addEventListener("submit", (event) => {
    if (button.disabled) { event.preventDefault(); return; }
    // The submission goes on: the button has no name, so disabling it now leaves the posted fields as they are.
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    button.textContent = form.getAttribute("data-busy-label");
    if (status) status.textContent = form.getAttribute("data-busy-label");
  });
  addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    button.disabled = false;
    button.removeAttribute("aria-busy");
    button.textContent = idle;
    if (status) status.textContent = "";
  });
}
`;

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The hosted pages' Content-Security-Policy: nothing loads from anywhere, and the only script and stylesheet that
 * run are the two inline ones above, allowed by their hashes (no 'unsafe-inline', no nonce to thread through).
 * There is no form-action: the forms post to this page, whose answer redirects to the merchant's success or fail
 * URL, and browsers apply form-action to that redirect too.
 */
/**
 * The tab icon, inline: without a <link rel="icon"> every browser asks for /favicon.ico, a 404 in the sandbox's log
 * and the console. A data: URL needs no route and no file, and the CSP's img-src already allows it.
 */
export const FAVICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b4f9c"/><text x="16" y="23" font-family="sans-serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">f</text></svg>',
)}`;

export const PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(PAGE_SCRIPT)}`,
  `style-src ${sha256(STYLES)}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

export interface LayoutProps {
  title: string;
  backUrl?: string | undefined;
  children?: Child;
}

export function Layout({ title, backUrl, children }: LayoutProps) {
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${title} · Finpay Sandbox`}</title>
          <link rel="icon" type="image/svg+xml" href={FAVICON} />
          <style>{raw(STYLES)}</style>
        </head>
        <body>
          <p class="banner">
            Finpay <strong>sandbox</strong>: test payments only, no money moves.{" "}
            <span lang="id">Mode uji coba: tidak ada dana yang ditarik.</span>
          </p>
          <header class="site">
            <div class="wrap">
              <span class="logo">finpay</span>
              {backUrl ? <a href={backUrl}>Back to merchant</a> : null}
            </div>
          </header>
          <main class="wrap">{children}</main>
          <footer class="site">PT Finnet Indonesia payment page stand-in · local development only</footer>
          <script>{raw(PAGE_SCRIPT)}</script>
        </body>
      </html>
    </>
  );
}
