// The timeline: for each compared dyad (or all matching events), cooperation (quad 1-2,
// drawn upwards) and conflict (quad 3-4, downwards) per period, as event counts or
// Goldstein sums, on one shared time axis so that dyads can be compared row by row.
import { axisBottom, axisLeft } from "d3-axis";
import { extent, max } from "d3-array";
import { scaleLinear, scaleTime } from "d3-scale";
import { select } from "d3-selection";
import { getJsonAt } from "./api.js";
import { el, formatNumber } from "./dom.js";
import { timelineRows, timelineUrl } from "./requests.js";

const width = 960;
const rowHeight = 150;
const margin = { top: 18, right: 16, bottom: 22, left: 52 };

// "2016-03-15", "2016-03" or "2016-W11" -> the period's first day (UTC).
export function periodStart(label) {
  const week = /^(\d{4})-W(\d{2})$/.exec(label);
  if (week) {
    const jan4 = new Date(Date.UTC(+week[1], 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5);
    return new Date(monday.getTime() + (+week[2] - 1) * 7 * 864e5);
  }
  const [y, m, d] = label.split("-").map(Number);
  return new Date(Date.UTC(y, (m || 1) - 1, d || 1));
}

function periodEnd(start, period) {
  if (period === "day") return new Date(start.getTime() + 864e5);
  if (period === "week") return new Date(start.getTime() + 7 * 864e5);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

export { parseDyads } from "./requests.js";

export async function loadTimeline(container, filters, { dyads, period, measure }) {
  const rows = timelineRows(filters, dyads);
  const answers = await Promise.all(rows.map((row) => getJsonAt(timelineUrl(filters, row, period))));
  const series = answers.map((a) => (a.groups[0] ? a.groups[0].series : []));
  draw(container, rows, series, period, measure);
  return series.reduce((n, s) => n + s.length, 0);
}

function draw(container, rows, series, period, measure) {
  container.replaceChildren();
  const points = series.flat().map((p) => periodStart(p.period));
  if (!points.length) {
    container.append(el("p", { class: "hint" }, "No dated events match the filters."));
    return;
  }
  const [first, last] = extent(points);
  const x = scaleTime().domain([first, periodEnd(last, period)]).range([margin.left, width - margin.right]);
  const up = (p) => (measure === "goldstein" ? Math.max(0, p.coop_goldstein) : p.coop_events);
  const down = (p) => (measure === "goldstein" ? Math.min(0, p.conflict_goldstein) : -p.conflict_events);
  const top = max(series.flat(), (p) => Math.max(up(p), -down(p))) || 1;
  rows.forEach((row, i) => {
    const data = series[i];
    const svg = select(container).append("svg").attr("viewBox", `0 0 ${width} ${rowHeight}`)
      .attr("class", "timeline-row").attr("role", "img").attr("aria-label", `timeline ${row.label}`);
    const y = scaleLinear().domain([-top, top]).nice().range([rowHeight - margin.bottom, margin.top]);
    svg.append("g").attr("transform", `translate(0,${rowHeight - margin.bottom})`)
      .call(axisBottom(x).ticks(8).tickSizeOuter(0));
    svg.append("g").attr("transform", `translate(${margin.left},0)`)
      .call(axisLeft(y).ticks(4).tickFormat((v) => formatNumber(Math.abs(v))));
    svg.append("line").attr("class", "zero").attr("x1", margin.left).attr("x2", width - margin.right)
      .attr("y1", y(0)).attr("y2", y(0));
    const barWidth = (p) => Math.max(1, x(periodEnd(periodStart(p.period), period)) - x(periodStart(p.period)) - 1);
    const bars = svg.append("g");
    bars.selectAll("rect.coop").data(data).join("rect").attr("class", "coop")
      .attr("x", (p) => x(periodStart(p.period))).attr("width", barWidth)
      .attr("y", (p) => y(up(p))).attr("height", (p) => y(0) - y(up(p)))
      .append("title").text((p) => `${p.period}: ${p.coop_events} cooperation events, Goldstein ${formatNumber(p.coop_goldstein, 1)}`);
    bars.selectAll("rect.conflict").data(data).join("rect").attr("class", "conflict")
      .attr("x", (p) => x(periodStart(p.period))).attr("width", barWidth)
      .attr("y", y(0)).attr("height", (p) => y(down(p)) - y(0))
      .append("title").text((p) => `${p.period}: ${p.conflict_events} conflict events, Goldstein ${formatNumber(p.conflict_goldstein, 1)}`);
    if (measure === "goldstein") {
      const mid = (p) => x(periodStart(p.period)) + barWidth(p) / 2;
      svg.append("path").attr("class", "net")
        .attr("d", data.length ? `M${data.map((p) => `${mid(p).toFixed(1)},${y(p.goldstein_sum).toFixed(1)}`).join("L")}` : null);
    }
    const totals = data.reduce((t, p) => ({ coop: t.coop + p.coop_events, conflict: t.conflict + p.conflict_events }), { coop: 0, conflict: 0 });
    svg.append("text").attr("class", "row-label").attr("x", margin.left + 6).attr("y", margin.top - 4)
      .text(`${row.label} — ${formatNumber(totals.coop)} cooperation, ${formatNumber(totals.conflict)} conflict`);
  });
}
