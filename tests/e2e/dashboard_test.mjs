// End-to-end test of the dashboard: Debian's chromium, driven by playwright-core, against
// `sitrep serve` on a database built from the bundled example articles.
//   node tests/e2e/dashboard_test.mjs SITREP_BINARY OUT_DIR [WEB_DIR]
// Checks: the page loads; the map shows points; a filter narrows the table (and lands in
// the URL); expanding an event shows highlighted evidence; "Code this article" shows a
// posted <script> as text and runs nothing; no CSP violation or page error. Saves
// screenshots of each view in OUT_DIR and prints the first-render time.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const [sitrep, outDir = join(root, "build/e2e"), webDir = join(dirname(sitrep || ""), "web")] = process.argv.slice(2);
assert.ok(sitrep && existsSync(sitrep), "usage: dashboard_test.mjs SITREP_BINARY OUT_DIR [WEB_DIR]");
const require = createRequire(join(root, "web/package.json"));
const { chromium } = require("playwright-core");

// The flags this machine's chromium needs (see the environment notes): no sandbox as
// root, no GPU, and no background connections to a network that is not there.
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const work = mkdtempSync(join(tmpdir(), "sitrep-e2e-"));
mkdirSync(outDir, { recursive: true });
const db = join(work, "examples.db");
const token = "e2e-token-0123456789abcdef";
let server;
let browser;
let passed = 0;

async function check(name, fn) {
  await fn();
  passed += 1;
  console.log(`ok ${passed} - ${name}`);
}

async function startServer() {
  const ingest = spawnSync(sitrep, ["ingest", "--quiet", "--db", db, join(root, "examples")], { stdio: "inherit" });
  assert.equal(ingest.status, 0, "sitrep ingest failed");
  writeFileSync(join(work, "token"), token);
  const portFile = join(work, "port");
  server = spawn(sitrep, ["serve", "--db", db, "--port", "0", "--port-file", portFile, "--web", webDir,
    "--allow-ingest", "--token-file", join(work, "token")], { stdio: ["ignore", "inherit", "inherit"] });
  for (let i = 0; i < 600 && !existsSync(portFile); ++i) await new Promise((r) => setTimeout(r, 100));
  assert.ok(existsSync(portFile), "sitrep serve did not start");
  await new Promise((r) => setTimeout(r, 50));
  return `http://127.0.0.1:${readFileSync(portFile, "utf8").trim()}/`;
}

async function ready(page) {
  await page.waitForSelector("body[data-ready='1']", { timeout: 30000 });
}

async function main() {
  const base = await startServer();
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => { window.__cspViolations = (window.__cspViolations || 0) + 1; });
  });

  let response;
  await check("the page loads, with a Content-Security-Policy", async () => {
    response = await page.goto(base);
    assert.equal(response.status(), 200);
    assert.match(response.headers()["content-security-policy"], /script-src 'self'/);
    await ready(page);
    assert.match(await page.textContent("#status"), /events/);
    const ms = await page.evaluate(() => window.sitrepFirstRenderMs);
    console.log(`# first render of the dashboard: ${Math.round(ms)} ms (examples database)`);
  });

  await check("the map shows points", async () => {
    const points = await page.locator("#map .points g.cluster").count();
    assert.ok(points > 0, "no points on the map");
    assert.ok(await page.locator("#map path.country").count() > 100, "no base map");
  });

  const totalOf = async () => Number((await page.textContent("#table-count")).split(" of ")[1].replace(/,/g, ""));
  const before = await totalOf();
  await check("a filter narrows the table and is kept in the URL", async () => {
    const api = await (await fetch(`${base}api/aggregate?by=actor&period=all&level=country`)).json();
    const actor = api.groups.find((g) => g.events < before && g.events > 0).actor;
    await page.fill("input[name=actor]", actor);
    await page.click("#filters button[type=submit]");
    await page.waitForFunction((a) => location.search.includes(`actor=${a}`), actor);
    await ready(page);
    const after = await totalOf();
    assert.ok(after < before && after > 0, `table total ${before} -> ${after}`);
    const codes = await page.$$eval("tr.event-row td:nth-child(2), tr.event-row td:nth-child(3)", (tds) => tds.map((t) => t.textContent));
    assert.ok(codes.some((c) => c.includes(actor)));
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue("input[name=actor]"), actor);
    assert.equal(await totalOf(), after);
  });

  await check("expanding an event shows highlighted evidence", async () => {
    await page.click("tr.event-row >> nth=0");
    const trigger = page.locator("tr.evidence-row:not([hidden]) mark.seg-trigger").first();
    await trigger.waitFor({ timeout: 10000 });
    assert.ok((await trigger.textContent()).trim().length > 0);
    assert.ok(await page.locator("tr.evidence-row:not([hidden]) mark.seg-source").count() > 0);
    assert.ok(await page.locator("tr.evidence-row:not([hidden]) .meta").count() > 0);
  });

  await check("screenshots of every view are saved", async () => {
    await page.screenshot({ path: join(outDir, "dashboard.png"), fullPage: true });
    await page.locator(".map-card").screenshot({ path: join(outDir, "map.png") });
    await page.locator("#timeline").locator("..").screenshot({ path: join(outDir, "timeline.png") });
    await page.locator(".network-card").screenshot({ path: join(outDir, "network.png") });
    await page.locator("#table").locator("..").screenshot({ path: join(outDir, "table.png") });
    await page.click("#map .points g.cluster >> nth=0");
    await page.waitForSelector("#evidence .mention, #evidence .cluster-list", { timeout: 10000 });
    await page.locator(".evidence-card").screenshot({ path: join(outDir, "evidence.png") });
  });

  await check("a comparison draws one timeline row per dyad", async () => {
    await page.fill("input[name=actor]", "");
    await page.click("#filters button[type=submit]");
    await ready(page);
    await page.click("button[data-preset^='USA-RUS']");
    await page.waitForFunction(() => document.querySelectorAll("#timeline svg.timeline-row").length === 2);
  });

  await check("Code this article shows a posted <script> as text and runs nothing", async () => {
    await page.click(".tabs button[data-view=code]");
    const article = "Russia condemned Syria on Monday <script>window.__pwned = 1</script> " +
      "<img src=x onerror=\"window.__pwned = 2\"> over the attack.\n\n" +
      "The United States criticised Iran for the missile test.";
    await page.fill("#code-form textarea", article);
    await page.fill("#code-form input[name=token]", token);
    await page.fill("#code-form input[name=date]", "2016-04-04");
    await page.click("#code-form button[type=submit]");
    await page.waitForSelector("#code-result .coded-doc", { timeout: 30000 });
    const text = await page.textContent("#code-result .article-text");
    assert.ok(text.includes("<script>window.__pwned = 1</script>"), "script tag not shown as text");
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator("#code-result img, #code-result script").count(), 0);
    assert.ok(await page.locator("#code-result mark.seg-trigger").count() > 0, "no highlighted event");
    await page.locator("#view-code .card").screenshot({ path: join(outDir, "code.png") });
  });

  await check("the stored article's evidence stays text in the table", async () => {
    await page.click(".tabs button[data-view=dashboard]");
    await page.fill("input[name=from]", "2016-04-04");
    await page.fill("input[name=to]", "2016-04-04");
    await page.click("#filters button[type=submit]");
    await ready(page);
    const rows = await page.locator("tr.event-row").count();
    assert.ok(rows > 0, "the stored article's events are not in the table");
    for (let i = 0; i < Math.min(rows, 10); ++i) await page.click(`tr.event-row >> nth=${i}`);
    await page.waitForFunction((n) => document.querySelectorAll("tr.evidence-row:not([hidden]) .event-detail").length === n,
      Math.min(rows, 10));
    const sentences = await page.$$eval("tr.evidence-row:not([hidden]) .sentence", (p) => p.map((x) => x.textContent).join(" "));
    assert.ok(sentences.includes("<script>"), `evidence: ${sentences}`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });

  await check("no page errors and no CSP violations", async () => {
    assert.equal(await page.evaluate(() => window.__cspViolations || 0), 0);
    assert.deepEqual(problems, []);
  });
}

try {
  await main();
  console.log(`${passed} passed, 0 failed`);
} catch (err) {
  console.error(err);
  console.log(`${passed} passed, 1 failed`);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
  if (server) server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
