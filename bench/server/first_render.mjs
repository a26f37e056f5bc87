// First render of the dashboard: opens the page in Debian's chromium (playwright-core) and
// reads how long it took until every view had drawn its data and the browser had painted it
// (body[data-ready=1]), measured from navigation start; "drawn" is when the views were done,
// before that paint. It counts the page's API requests: one asked twice means an answer
// boot.js started was not the one a view asked for. The first load is cold (the server's answer cache is empty when the
// server has just started); the median of the next loads is warm.
//   node bench/server/first_render.mjs URL [LOADS]
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const { chromium } = createRequire(join(root, "web/package.json"))("playwright-core");
const [url, loads = "6"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const times = [];
for (let i = 0; i < Number(loads); ++i) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const asked = [];
  page.on("request", (r) => { if (new URL(r.url()).pathname.startsWith("/api/")) asked.push(r.url()); });
  await page.goto(url);
  await page.waitForSelector("body[data-ready='1']", { timeout: 60000 });
  const t = await page.evaluate(() => ({ ready: window.sitrepReadyAtMs, script: window.sitrepFirstRenderMs,
    points: document.querySelectorAll("#map .points g.cluster").length,
    rows: document.querySelectorAll("tr.event-row").length,
    drawn: (performance.getEntriesByName("sitrep-drawn")[0] || { startTime: NaN }).startTime }));
  const repeated = asked.length - new Set(asked).size;
  times.push(t.ready);
  console.log(`load ${i + 1}${i === 0 ? " (cold cache)" : ""}: ready ${t.ready.toFixed(0)} ms after navigation ` +
    `(drawn ${t.drawn.toFixed(0)} ms; ${t.script.toFixed(0)} ms after app.js started), ${t.points} map clusters, ` +
    `${t.rows} table rows, ${asked.length} API requests${repeated ? ` (${repeated} repeated)` : ""}`);
  await context.close();
}
await browser.close();
const warm = times.slice(1).sort((a, b) => a - b);
if (warm.length) console.log(`first render: cold ${times[0].toFixed(0)} ms, warm median ${warm[Math.floor(warm.length / 2)].toFixed(0)} ms`);
