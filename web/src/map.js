// The map: Natural Earth countries (npm world-atlas, projected to SVG paths at build time
// by build.mjs and served by sitrep itself) and the
// events with a point, clustered by the server on a grid that shrinks as you zoom in.
// A cluster's colour is its most frequent quad class; a click on one event opens its
// evidence, on a small cluster lists its events, on a large one zooms in.
import { select } from "d3-selection";
import { zoom, zoomIdentity } from "d3-zoom";
import { getJsonAt } from "./api.js";
import { el, formatNumber, quadColors, quadNames } from "./dom.js";
import { baseMapUrl, mapUrl } from "./requests.js";
import { mapHeight as height, mapWidth as width, project } from "./projection.js";

export class EventMap {
  constructor(container, legend, { onEvent, onCluster }) {
    this.onEvent = onEvent;
    this.onCluster = onCluster;
    this.svg = select(container).append("svg")
      .attr("viewBox", `0 0 ${width} ${height}`).attr("role", "img").attr("aria-label", "map of events");
    this.root = this.svg.append("g");
    this.base = this.root.append("g").attr("class", "base");
    this.points = this.root.append("g").attr("class", "points");
    this.transform = zoomIdentity;
    this.level = 0;
    this.zoom = zoom().scaleExtent([1, 256]).on("zoom", (event) => this.zoomed(event.transform))
      .on("end", () => this.maybeReload());
    this.svg.call(this.zoom);
    this.drawLegend(legend);
  }

  async loadBaseMap() {
    const world = await getJsonAt(baseMapUrl);
    this.base.append("path").attr("class", "sphere").attr("d", world.sphere);
    this.base.append("path").attr("class", "graticule").attr("d", world.graticule);
    this.base.append("g").selectAll("path").data(world.countries).join("path")
      .attr("class", "country").attr("d", (c) => c[1])
      .append("title").text((c) => c[0]);
    this.base.append("path").attr("class", "borders").attr("d", world.borders);
  }

  drawLegend(legend) {
    legend.replaceChildren(...[1, 2, 3, 4].map((q) => {
      const dot = el("span", { class: "dot" });
      dot.style.background = quadColors[q];
      return el("span", { class: "legend-item" }, dot, `${q} ${quadNames[q]}`);
    }));
  }

  zoomLevel() {
    return Math.max(0, Math.min(12, Math.floor(Math.log2(this.transform.k))));
  }

  zoomed(transform) {
    this.transform = transform;
    this.root.attr("transform", transform);
    // Clusters keep their size on screen: each is scaled back by the zoom.
    this.points.selectAll("g.cluster").attr("transform", (d) => this.place(d));
  }

  place(d) {
    const [x, y] = project([d.lon, d.lat]);
    return `translate(${x},${y}) scale(${1 / this.transform.k})`;
  }

  maybeReload() {
    if (this.zoomLevel() !== this.level && this.filters) this.load(this.filters);
  }

  radius(d) {
    return Math.min(18, 4 + 3 * Math.log10(1 + d.events));  // sizes tell 10 from 10,000
  }

  async load(filters) {
    this.filters = filters;
    this.level = this.zoomLevel();
    const answer = await getJsonAt(mapUrl(filters, this.level));
    this.cell = answer.cell;
    this.draw(answer.clusters);
    return answer.clusters.length;
  }

  // Each cluster is a small pie of its quad classes (a plain disc when it has one class).
  draw(clusters) {
    const groups = this.points.selectAll("g.cluster").data(clusters).join("g")
      .attr("class", "cluster").attr("transform", (d) => this.place(d))
      .on("click", (event, d) => this.clicked(d));
    groups.selectAll("title").data((d) => [d]).join("title")
      .text((d) => `${formatNumber(d.events)} event${d.events === 1 ? "" : "s"}: ` +
        d.quad.map((n, i) => `${n} Q${i + 1}`).join(", "));
    groups.selectAll("path").data((d) => pieSlices(d.quad, this.radius(d))).join("path")
      .attr("d", (s) => s.d).attr("fill", (s) => quadColors[s.q]);
    groups.selectAll("circle").data((d) => [d]).join("circle").attr("class", "rim")
      .attr("r", (d) => this.radius(d));
  }

  clicked(d) {
    if (d.id) return this.onEvent(d.id);
    // The cluster's own grid cell (its centroid lies inside it), as the server cut it.
    const c = this.cell;
    const south = Math.floor((d.lat + 90) / c) * c - 90;
    const west = Math.floor((d.lon + 180) / c) * c - 180;
    const bbox = [Math.max(-180, west), Math.max(-90, south), Math.min(180, west + c), Math.min(90, south + c)]
      .map((v) => v.toFixed(5));
    if (d.events <= 25 || this.level >= 12) return this.onCluster(bbox.join(","), d.events);
    const [x, y] = project([d.lon, d.lat]);
    const k = Math.min(256, this.transform.k * 4);
    const t = zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-x, -y);
    this.svg.call(this.zoom.transform, t);
    this.maybeReload();
  }
}

// The slices of a pie of radius r, one per quad class with events, clockwise from twelve
// o'clock in quad-class order: [{q, d}] with d an SVG path around the pie's centre.
export function pieSlices(counts, r) {
  const total = counts.reduce((a, b) => a + b, 0);
  const point = (angle) => `${(r * Math.sin(angle)).toFixed(2)},${(-r * Math.cos(angle)).toFixed(2)}`;
  const slices = [];
  let start = 0;
  counts.forEach((n, i) => {
    if (n <= 0) return;
    const end = start + (2 * Math.PI * n) / total;
    const d = n === total
      ? `M0,${-r}A${r},${r} 0 1,1 0,${r}A${r},${r} 0 1,1 0,${-r}Z`
      : `M0,0L${point(start)}A${r},${r} 0 ${end - start > Math.PI ? 1 : 0},1 ${point(end)}Z`;
    slices.push({ q: i + 1, d });
    start = end;
  });
  return slices;
}
