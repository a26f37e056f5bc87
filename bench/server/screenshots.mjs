// README screenshots of the dashboard's views (small PNGs, 1 CSS pixel per pixel):
//   node bench/server/screenshots.mjs URL OUT_DIR [views...]
// Views: map, timeline, network, table (first row expanded), code (needs a page whose
// "Code this article" form was used: not taken here). The URL may carry filters.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const { chromium } = createRequire(join(root, "web/package.json"))("playwright-core");
const [url, out, ...wanted] = process.argv.slice(2);
const views = wanted.length ? wanted : ["map", "timeline", "network", "table"];
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url);
await page.waitForSelector("body[data-ready='1']", { timeout: 60000 });
const shots = {
  map: async () => page.locator(".map-card").screenshot({ path: join(out, "dashboard-map.png") }),
  timeline: async () => {
    await page.click("button[data-preset^='RUS-SYR']");
    await page.waitForFunction(() => document.querySelectorAll("#timeline svg.timeline-row").length === 2);
    await page.locator("#timeline").locator("..").screenshot({ path: join(out, "dashboard-timeline.png") });
  },
  network: async () => page.locator(".network-card").screenshot({ path: join(out, "dashboard-network.png") }),
  table: async () => {
    await page.click("tr.event-row >> nth=0");
    await page.locator("tr.evidence-row:not([hidden]) .event-detail").waitFor();
    // The top of the table: the expanded row and the rows after it.
    const box = await page.locator("#table").locator("..").boundingBox();  // in the viewport
    const scroll = await page.evaluate(() => window.scrollY);
    await page.screenshot({ path: join(out, "dashboard-table.png"), fullPage: true,
      clip: { x: box.x, y: box.y + scroll, width: box.width, height: Math.min(box.height, 560) } });
  },
  evidence: async () => {
    await page.click("#map .points g.cluster >> nth=0");
    await page.waitForSelector("#evidence .mention, #evidence .cluster-list");
    await page.locator(".evidence-card").screenshot({ path: join(out, "dashboard-evidence.png") });
  },
};
for (const v of views) await shots[v]();
await browser.close();
