// The actor network: the top dyads (aggregated by the server) as directed edges whose width
// grows with the number of events and whose colour is their mean Goldstein score. A click
// on an actor filters by it; a click on an edge filters by the dyad.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation } from "d3-force";
import { select } from "d3-selection";
import { getJson } from "./api.js";
import { el, formatNumber, goldsteinColor } from "./dom.js";

const width = 560;
const height = 420;
// Ticks of the force layout, run before drawing: 60 nodes settle well before d3's default
// 300, and each tick cost the first render about a millisecond on a loaded machine.
const layoutTicks = 80;

export async function loadNetwork(container, filters, { level, onActor, onDyad }) {
  const answer = await getJson("/api/aggregate", { ...filters, by: "dyad", period: "all", level, limit: 60 });
  const links = answer.groups.filter((g) => g.source && g.target && g.source !== g.target)
    .map((g) => ({ ...g, source: g.source, target: g.target, from: g.source, to: g.target }));
  const weight = new Map();
  for (const l of links) for (const code of [l.from, l.to]) weight.set(code, (weight.get(code) || 0) + l.events);
  const nodes = [...weight.keys()].map((id) => ({ id, events: weight.get(id) }));
  container.replaceChildren();
  if (!links.length) {
    container.append(el("p", { class: "hint" }, "No dyads with both actors match the filters."));
    return 0;
  }
  const maxEvents = Math.max(...links.map((l) => l.events));
  const simulation = forceSimulation(nodes)
    .force("link", forceLink(links).id((d) => d.id).distance(90))
    .force("charge", forceManyBody().strength(-260))
    .force("center", forceCenter(width / 2, height / 2))
    .force("collide", forceCollide(22))
    .alphaDecay(1 - Math.pow(0.001, 1 / layoutTicks))  // cools in layoutTicks, not 300
    .stop();
  simulation.tick(layoutTicks);
  const clampX = (v) => Math.max(20, Math.min(width - 20, v));
  const clampY = (v) => Math.max(16, Math.min(height - 16, v));
  const svg = select(container).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img").attr("aria-label", "actor network");
  const defs = svg.append("defs");
  svg.append("g").selectAll("line").data(links).join("line").attr("class", "edge")
    .attr("x1", (l) => clampX(l.source.x)).attr("y1", (l) => clampY(l.source.y))
    .attr("x2", (l) => clampX(l.target.x)).attr("y2", (l) => clampY(l.target.y))
    .attr("stroke", (l) => goldsteinColor(l.goldstein_mean))
    .attr("stroke-width", (l) => 1 + 7 * Math.sqrt(l.events / maxEvents))
    .attr("marker-end", (l, i) => {
      // In user space, so the arrow keeps its size whatever the edge's width; its tip stops
      // short of the target's circle.
      defs.append("marker").attr("id", `arrow-${i}`).attr("viewBox", "0 -4 8 8").attr("refX", 22)
        .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 9).attr("markerHeight", 9).attr("orient", "auto")
        .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", goldsteinColor(l.goldstein_mean));
      return `url(#arrow-${i})`;
    })
    .on("click", (event, l) => onDyad(`${l.from}-${l.to}`))
    .append("title").text((l) => `${l.from} → ${l.to}: ${formatNumber(l.events)} events, mean Goldstein ${formatNumber(l.goldstein_mean, 2)}`);
  const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
    .attr("transform", (d) => `translate(${clampX(d.x)},${clampY(d.y)})`)
    .on("click", (event, d) => onActor(d.id));
  node.append("circle").attr("r", (d) => 5 + 3 * Math.sqrt(d.events / maxEvents) * 3);
  node.append("text").attr("dy", "0.32em").attr("x", 10).text((d) => d.id);
  node.append("title").text((d) => `${d.id}: ${formatNumber(d.events)} events in these dyads`);
  return links.length;
}

export async function loadDyads(container, filters, onDyad) {
  const answer = await getJson("/api/aggregate", { ...filters, by: "dyad", period: "all", limit: 12 });
  const rows = answer.groups.filter((g) => g.target);
  container.replaceChildren(rows.length ? el("table", { class: "mini" },
    el("thead", {}, el("tr", {}, el("th", {}, "dyad"), el("th", { class: "num" }, "events"),
      el("th", { class: "num" }, "reports"), el("th", { class: "num" }, "mean G."))),
    el("tbody", {}, rows.map((g) => {
      const swatch = el("span", { class: "dot" });
      swatch.style.background = goldsteinColor(g.goldstein_mean);
      return el("tr", { class: "clickable", onclick: () => onDyad(`${g.source}-${g.target}`) },
        el("td", {}, swatch, `${g.source} → ${g.target}`), el("td", { class: "num" }, formatNumber(g.events)),
        el("td", { class: "num" }, formatNumber(g.mentions)),
        el("td", { class: "num" }, formatNumber(g.goldstein_mean, 2)));
    }))) : el("p", { class: "hint" }, "No dyads match the filters."));
}
