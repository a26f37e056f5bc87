// Bundles the dashboard page into one folder that `sitrep serve` reads at start:
// index.html, app.js, app.css and the Natural Earth base map (npm world-atlas), projected
// here once into SVG paths (basemap.json) so that the page draws it without decoding
// TopoJSON or projecting 177 countries on every load.
// No network at build time beyond `npm ci`, none at run time.
//   node build.mjs --out DIR
import { geoGraticule10, geoPath } from "d3-geo";
import { build } from "esbuild";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature, mesh } from "topojson-client";
import { mapProjection } from "./src/projection.js";

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
// The base map: countries at 1:110m, as SVG path data in the page's projection
// ({sphere, graticule, borders, countries: [[name, d], ...]}).
const world = JSON.parse(await readFile(join(here, "node_modules/world-atlas/countries-110m.json"), "utf8"));
const path = geoPath(mapProjection()).digits(2);
const countries = feature(world, world.objects.countries).features
  .map((f) => [(f.properties && f.properties.name) || "", path(f)]).filter(([, d]) => d);
await writeFile(join(out, "basemap.json"), JSON.stringify({
  sphere: path({ type: "Sphere" }), graticule: path(geoGraticule10()),
  borders: path(mesh(world, world.objects.countries, (a, b) => a !== b)), countries,
}));
