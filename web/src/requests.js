// The addresses the dashboard's views ask for, built in one place: boot.js starts the first
// render's requests before the app's bundle has loaded, and the views build theirs with the
// same functions, so that each view finds its answer already on the way.
import { apiUrl } from "./api.js";

export const healthUrl = "/api/health";
export const baseMapUrl = "basemap.json";
export const tablePageSize = 50;
const networkLinks = 60;
const topDyads = 12;

export const mapUrl = (filters, zoom) => apiUrl("/api/map", { ...filters, zoom });

export const networkUrl = (filters, level) =>
  apiUrl("/api/aggregate", { ...filters, by: "dyad", period: "all", level, limit: networkLinks });

export const dyadsUrl = (filters) =>
  apiUrl("/api/aggregate", { ...filters, by: "dyad", period: "all", limit: topDyads });

export const tableUrl = (filters, { sort, order, page }) =>
  apiUrl("/api/events", { ...filters, sort, order, limit: tablePageSize, offset: page * tablePageSize });

// The dyads to compare: "RUS-SYR, USA-RUS" -> [{label, source, target}].
export function parseDyads(text) {
  return text.split(/[\s,;]+/).filter(Boolean).slice(0, 6).map((d) => {
    const [source, target] = d.toUpperCase().split("-");
    return { label: `${source} → ${target || "any"}`, source, target };
  }).filter((d) => d.source);
}

// The timeline's rows: one per compared dyad, else one for every matching event.
export function timelineRows(filters, dyads) {
  return dyads.length ? dyads : [{ label: filters.dyad ? `dyad ${filters.dyad}` : "all matching events" }];
}

export function timelineUrl(filters, row, period) {
  const params = { ...filters, by: "none", period };
  if (row.source) {
    delete params.dyad;
    params.source = row.source;
    params.target = row.target;
  }
  return apiUrl("/api/aggregate", params);
}

// Every request of the first render for a page state (filters.js readState), in the order
// the server is best given them: the slowest answers first.
export function firstRenderUrls(state) {
  const f = state.filters;
  return [
    tableUrl(f, state), ...timelineRows(f, parseDyads(state.compare)).map((row) => timelineUrl(f, row, state.period)),
    networkUrl(f, state.level), dyadsUrl(f), mapUrl(f, 0), healthUrl, baseMapUrl,
  ];
}
