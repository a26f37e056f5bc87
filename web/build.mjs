// Bundles the dashboard page into one folder that `sitrep serve` reads at start:
// index.html, app.js, app.css and the Natural Earth base map (npm world-atlas).
// No network at build time beyond `npm ci`, none at run time.
//   node build.mjs --out DIR
import { build } from "esbuild";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outIndex = process.argv.indexOf("--out");
const out = outIndex > 0 ? process.argv[outIndex + 1] : join(here, "dist");

await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(here, "src/main.js")],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  outfile: join(out, "app.js"),
  logLevel: "warning",
});
await copyFile(join(here, "src/app.css"), join(out, "app.css"));
await copyFile(join(here, "src/index.html"), join(out, "index.html"));
// The base map: countries at 1:110m, about 100 KB.
const atlas = join(here, "node_modules/world-atlas/countries-110m.json");
await writeFile(join(out, "countries-110m.json"), await readFile(atlas));
