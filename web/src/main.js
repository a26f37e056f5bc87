// The dashboard: one set of filters (kept in the URL) drives the map, the timeline, the
// actor network, the top dyads and the event table. Every view asks the server for
// aggregates or one page of rows; the page never downloads every event.
import { getJson, getJsonAt } from "./api.js";
import { setupCodeView } from "./code_article.js";
import { el, formatNumber } from "./dom.js";
import { loadEvent } from "./evidence.js";
import { cameoRoots, fillForm, formFilters, readState, writeState } from "./filters.js";
import { EventMap } from "./map.js";
import { loadDyads, loadNetwork } from "./network.js";
import { healthUrl } from "./requests.js";
import { loadTable } from "./table.js";
import { loadTimeline, parseDyads } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const state = readState();
const started = performance.now();
let map;
let baseMapReady = Promise.resolve();
let firstRenderDone = false;

// Resolves once the browser has painted what the views drew: the frame callback runs before
// that frame's style, layout and paint, the task it posts after them.
function painted() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function setView(view) {
  state.view = view;
  $("view-dashboard").hidden = view !== "dashboard";
  $("view-code").hidden = view !== "code";
  for (const b of document.querySelectorAll(".tabs button")) b.classList.toggle("active", b.dataset.view === view);
  writeState(state);
}

function setFilters(filters) {
  state.filters = filters;
  state.page = 0;
  fillForm($("filters"), filters);
  writeState(state);
  return refresh();
}

function refineFilters(extra) {
  return setFilters({ ...state.filters, ...extra });
}

function report(err) {
  $("filter-error").textContent = err.message;
}

function showEvidence(id) {
  loadEvent(id, $("evidence"));
}

async function showCluster(bbox, count) {
  const box = $("evidence");
  box.replaceChildren(el("p", { class: "hint" }, `loading ${count} events…`));
  try {
    const answer = await getJson("/api/events", { ...state.filters, bbox, limit: 25 });
    box.replaceChildren(el("p", { class: "hint" }, `${formatNumber(answer.total)} events here; click one for its evidence.`),
      el("ul", { class: "cluster-list" }, answer.events.map((e) =>
        el("li", { class: "clickable", onclick: () => showEvidence(e.id) },
          el("strong", {}, `${e.date || "undated"} ${e.source_code} → ${e.target_code || "–"}`),
          ` CAMEO ${e.cameo} · ${(e.place && e.place.name) || ""}`))));
  } catch (err) {
    box.replaceChildren(el("p", { class: "error" }, err.message));
  }
}

const tableView = () => loadTable($("table"), $("table-count"), state.filters, state,
  (sort, order) => { Object.assign(state, { sort, order, page: 0 }); writeState(state); tableView().catch(report); },
  (page) => { state.page = page; writeState(state); tableView().catch(report); });

const timelineView = () => loadTimeline($("timeline"), state.filters, {
  dyads: parseDyads(state.compare), period: state.period, measure: state.measure,
});

const networkView = () => loadNetwork($("network"), state.filters, {
  level: state.level,
  onActor: (actor) => refineFilters({ actor }),
  onDyad: (dyad) => refineFilters({ dyad }),
});

async function refresh() {
  $("filter-error").textContent = "";
  document.body.dataset.ready = "";
  const views = {
    map: map.load(state.filters), timeline: timelineView(), network: networkView(),
    dyads: loadDyads($("dyads"), state.filters, (dyad) => refineFilters({ dyad })), table: tableView(),
  };
  // A mark as each view is done (sitrep-map, ...), for benchmarks.
  for (const [name, done] of Object.entries(views)) done.then(() => performance.mark(`sitrep-${name}`), () => {});
  const results = await Promise.allSettled(Object.values(views));
  const failed = results.find((r) => r.status === "rejected");
  if (failed) report(failed.reason);
  await baseMapReady;
  if (!firstRenderDone) return;  // start() marks the first render
  await painted();
  document.body.dataset.ready = "1";
}

function wireControls() {
  const form = $("filters");
  form.elements.root.append(el("option", { value: "" }, "all"),
    ...cameoRoots.map(([code, name]) => el("option", { value: code }, `${code} ${name}`)));
  fillForm(form, state.filters);
  form.addEventListener("submit", (ev) => { ev.preventDefault(); setFilters(formFilters(form)); });
  $("clear-filters").addEventListener("click", () => setFilters({}));
  for (const b of document.querySelectorAll(".tabs button")) b.addEventListener("click", () => setView(b.dataset.view));
  const compare = $("compare");
  compare.value = state.compare;
  const redrawTimeline = () => { writeState(state); timelineView().catch(report); };
  compare.addEventListener("change", () => { state.compare = compare.value.trim(); redrawTimeline(); });
  for (const b of document.querySelectorAll("[data-preset]")) {
    b.addEventListener("click", () => { state.compare = compare.value = b.dataset.preset; redrawTimeline(); });
  }
  $("period").value = state.period;
  $("period").addEventListener("change", (e) => { state.period = e.target.value; redrawTimeline(); });
  $("measure").value = state.measure;
  $("measure").addEventListener("change", (e) => { state.measure = e.target.value; redrawTimeline(); });
  $("network-level").value = state.level;
  $("network-level").addEventListener("change", (e) => {
    state.level = e.target.value; writeState(state); networkView().catch(report);
  });
  form.elements.actor.addEventListener("input", async (e) => {
    const q = e.target.value.trim();
    if (q.length < 2) return;
    try {
      const answer = await getJson("/api/actors", { q, limit: 15 });
      $("actor-list").replaceChildren(...answer.actors.map((a) => el("option", { value: a.code }, a.name || a.code)));
    } catch { /* suggestions are optional */ }
  });
}

async function start() {
  wireControls();
  setView(state.view);
  map = new EventMap($("map"), $("map-legend"), { onEvent: showEvidence, onCluster: showCluster });
  // The base map, the server's health and every view's data are fetched at once (most of
  // them were started by boot.js, before this script had loaded).
  baseMapReady = map.loadBaseMap().then(() => performance.mark("sitrep-basemap")).catch(report);
  const health = getJsonAt(healthUrl).catch((err) => ({ error: err.message })).then((h) => {
    performance.mark("sitrep-health");
    $("status").textContent = h.error ? `server: ${h.error}`
      : `${formatNumber(h.events)} events · ${formatNumber(h.documents)} articles${h.ingest ? " · ingest on" : ""}`;
    setupCodeView($("code-form"), $("code-result"), $("code-error"), $("ingest-note"), h);
  });
  await Promise.all([health, refresh()]);
  performance.mark("sitrep-drawn");
  await painted();
  firstRenderDone = true;
  // For tests and benchmarks: every view has data and is painted; from the script's start,
  // and from navigation start.
  window.sitrepFirstRenderMs = performance.now() - started;
  window.sitrepReadyAtMs = performance.now();
  document.body.dataset.ready = "1";
}

start();
