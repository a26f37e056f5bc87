// Bundles the dashboard page into one folder that `sitrep serve` reads at start:
// index.html, boot.js, app.js, app.css and the Natural Earth base map (npm world-atlas),
// projected here once into SVG paths (basemap.json) so that the page draws it without
// decoding TopoJSON or projecting 177 countries on every load.
// No network at build time beyond `npm ci`, none at run time.
//   node build.mjs --out DIR
import { geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import { build } from "esbuild";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature, mesh } from "topojson-client";
import { mapHeight, mapWidth, project } from "./src/projection.js";

const here = dirname(fileURLToPath(import.meta.url));
const outIndex = process.argv.indexOf("--out");
const out = outIndex > 0 ? process.argv[outIndex + 1] : join(here, "dist");

await mkdir(out, { recursive: true });
// app.js, the page's module, and boot.js, the small classic script that starts the first
// render's requests while app.js loads.
const bundle = (entry, outName, format) => build({
  entryPoints: [join(here, "src", entry)],
  bundle: true,
  minify: true,
  format,
  target: "es2020",
  outfile: join(out, outName),
  logLevel: "warning",
});
await Promise.all([bundle("main.js", "app.js", "esm"), bundle("boot.js", "boot.js", "iife")]);
await copyFile(join(here, "src/app.css"), join(out, "app.css"));
await copyFile(join(here, "src/index.html"), join(out, "index.html"));
// The base map: countries at 1:110m, as SVG path data in the page's projection
// ({sphere, graticule, borders, countries: [[name, d], ...]}).
const world = JSON.parse(await readFile(join(here, "node_modules/world-atlas/countries-110m.json"), "utf8"));
// The page places its clusters with projection.js, the base map is drawn here by d3-geo:
// they must be one projection.
const projection = geoNaturalEarth1().fitExtent([[4, 4], [mapWidth - 4, mapHeight - 4]], { type: "Sphere" });
for (let lon = -180; lon <= 180; lon += 15) {
  for (let lat = -90; lat <= 90; lat += 15) {
    const [a, b] = [projection([lon, lat]), project([lon, lat])];
    if (Math.hypot(a[0] - b[0], a[1] - b[1]) > 0.01) {
      throw new Error(`projection.js and d3-geo disagree at ${lon},${lat}: ${b} against ${a}`);
    }
  }
}
const path = geoPath(projection).digits(2);
const countries = feature(world, world.objects.countries).features
  .map((f) => [(f.properties && f.properties.name) || "", path(f)]).filter(([, d]) => d);
await writeFile(join(out, "basemap.json"), JSON.stringify({
  sphere: path({ type: "Sphere" }), graticule: path(geoGraticule10()),
  borders: path(mesh(world, world.objects.countries, (a, b) => a !== b)), countries,
}));
