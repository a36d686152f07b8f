import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { nginxProcess, renderTemplate } from "./nginx";

const NGINX = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe("deploy/nginx.conf.template", () => {
  it("fills ${NAME} placeholders, leaves nginx's own $variables, and refuses a placeholder without a value", () => {
    expect(renderTemplate("listen ${NGINX_PORT}; proxy_set_header Host $http_host;", { NGINX_PORT: "8080" })).toBe("listen 8080; proxy_set_header Host $http_host;");
    expect(() => renderTemplate("server ${APP_SERVER_3};", {})).toThrow("no value for ${APP_SERVER_3}");
  });

  it.skipIf(!existsSync(NGINX))("renders into a config the real nginx accepts (nginx -t), with both instances upstream", () => {
    dir = mkdtempSync(path.join(tmpdir(), "nginx-config-"));
    const spec = nginxProcess({ root: process.cwd(), dir, port: 18640, upstreams: ["127.0.0.1:13640", "127.0.0.1:13641"] });
    const server = readFileSync(path.join(dir, "storefront.conf"), "utf8");
    expect(server).toContain("server 127.0.0.1:13640 max_fails=1");
    expect(server).toContain("server 127.0.0.1:13641 max_fails=1");
    expect(server).toContain("listen 127.0.0.1:18640;");
    // Idle upstream connections are closed by nginx before Node's 5 s keep-alive timeout closes them under it.
    expect(server).toMatch(/keepalive_timeout [1-4]s;/);
    expect(server).not.toMatch(/\$\{[A-Z]/);
    const checked = spawnSync(spec.command, ["-t", ...spec.args], { encoding: "utf8" });
    expect(checked.stderr).toContain("test is successful");
    expect(checked.status).toBe(0);
  });
});
