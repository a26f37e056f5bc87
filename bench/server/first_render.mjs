// First render of the dashboard: opens the page in Debian's chromium (playwright-core) and
// reads how long it took until every view had drawn (body[data-ready=1]), measured from
// navigation start. The first load is cold (the server's answer cache is empty when the
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
  await page.goto(url);
  await page.waitForSelector("body[data-ready='1']", { timeout: 60000 });
  const t = await page.evaluate(() => ({ ready: window.sitrepReadyAtMs, script: window.sitrepFirstRenderMs,
    points: document.querySelectorAll("#map .points g.cluster").length,
    rows: document.querySelectorAll("tr.event-row").length }));
  times.push(t.ready);
  console.log(`load ${i + 1}${i === 0 ? " (cold cache)" : ""}: ready ${t.ready.toFixed(0)} ms after navigation ` +
    `(${t.script.toFixed(0)} ms after the script started), ${t.points} map clusters, ${t.rows} table rows`);
  await context.close();
}
await browser.close();
const warm = times.slice(1).sort((a, b) => a - b);
if (warm.length) console.log(`first render: cold ${times[0].toFixed(0)} ms, warm median ${warm[Math.floor(warm.length / 2)].toFixed(0)} ms`);
