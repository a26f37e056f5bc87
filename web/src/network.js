// The actor network: the top dyads (aggregated by the server) as directed edges whose width
// grows with the number of events and whose colour is their mean Goldstein score. A click
// on an actor filters by it; a click on an edge filters by the dyad.
import { select } from "d3-selection";
import { getJsonAt } from "./api.js";
import { el, formatNumber, goldsteinColor } from "./dom.js";
import { layoutNetwork, networkHeight as height, networkWidth as width } from "./network_layout.js";
import { dyadsUrl, networkUrl } from "./requests.js";

export async function loadNetwork(container, filters, { level, onActor, onDyad }) {
  const answer = await getJsonAt(networkUrl(filters, level));
  const links = answer.groups.filter((g) => g.source && g.target && g.source !== g.target)
    .map((g) => ({ ...g, from: g.source, to: g.target }));
  const weight = new Map();
  for (const l of links) for (const code of [l.from, l.to]) weight.set(code, (weight.get(code) || 0) + l.events);
  const nodes = [...weight.keys()].map((id) => ({ id, events: weight.get(id) }));
  if (!links.length) {
    container.replaceChildren(el("p", { class: "hint" }, "No dyads with both actors match the filters."));
    return 0;
  }
  const maxEvents = Math.max(...links.map((l) => l.events));
  const positions = layoutNetwork(nodes, links);
  nodes.forEach((n, i) => { [n.x, n.y] = positions[i]; });
  const at = new Map(nodes.map((n) => [n.id, n]));
  for (const l of links) {
    l.source = at.get(l.from);
    l.target = at.get(l.to);
  }
  container.replaceChildren();
  const svg = select(container).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img").attr("aria-label", "actor network");
  const defs = svg.append("defs");
  svg.append("g").selectAll("line").data(links).join("line").attr("class", "edge")
    .attr("x1", (l) => l.source.x).attr("y1", (l) => l.source.y)
    .attr("x2", (l) => l.target.x).attr("y2", (l) => l.target.y)
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
    .attr("transform", (d) => `translate(${d.x},${d.y})`)
    .on("click", (event, d) => onActor(d.id));
  node.append("circle").attr("r", (d) => 5 + 3 * Math.sqrt(d.events / maxEvents) * 3);
  node.append("text").attr("dy", "0.32em").attr("x", 10).text((d) => d.id);
  node.append("title").text((d) => `${d.id}: ${formatNumber(d.events)} events in these dyads`);
  return links.length;
}

export async function loadDyads(container, filters, onDyad) {
  const answer = await getJsonAt(dyadsUrl(filters));
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
