// The event table: one page of matching events, sorted by the server; a click on a header
// sorts, a click on a row expands it to the evidence of every mention of that event.
import { getJsonAt } from "./api.js";
import { loadEvent } from "./evidence.js";
import { el, formatNumber, quadColors, quadNames } from "./dom.js";
import { tableUrl } from "./requests.js";

const columns = [
  ["date", "Date", (e) => e.date || "–"],
  ["source", "Source", (e) => e.source_name ? `${e.source_name} (${e.source_code})` : e.source_code],
  ["target", "Target", (e) => e.target_code ? (e.target_name ? `${e.target_name} (${e.target_code})` : e.target_code) : "–"],
  ["cameo", "CAMEO", (e) => e.cameo],
  [null, "PLOVER", (e) => e.plover || "–"],
  [null, "Quad", (e) => quadBadge(e.quad_class)],
  ["goldstein", "Goldstein", (e) => formatNumber(e.goldstein, 1)],
  [null, "Modality", (e) => e.modality],
  ["place", "Place", (e) => (e.place && e.place.name) || "–"],
  ["mentions", "Reports", (e) => String(e.num_mentions)],
];

function quadBadge(q) {
  const b = el("span", { class: "quad-badge", title: quadNames[q] || "" }, `Q${q}`);
  b.style.background = quadColors[q] || "#888";
  return b;
}

export async function loadTable(container, counter, filters, state, onSort, onPage) {
  const answer = await getJsonAt(tableUrl(filters, state));
  const from = answer.total ? answer.offset + 1 : 0;
  const to = answer.offset + answer.events.length;
  counter.textContent = `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(answer.total)}`;
  const head = el("tr", {}, columns.map(([key, label]) => {
    const active = key === state.sort;
    const arrow = active ? (state.order === "asc" ? " ▲" : " ▼") : "";
    return el("th", key ? {
      class: `sortable${active ? " active" : ""}`, dataset: { sort: key },
      onclick: () => onSort(key, active && state.order === "desc" ? "asc" : "desc"),
    } : {}, label + arrow);
  }));
  const body = el("tbody");
  for (const e of answer.events) {
    const row = el("tr", { class: "event-row", dataset: { id: e.id }, tabindex: 0 },
      columns.map(([, , cell]) => el("td", {}, cell(e))));
    const evidence = el("tr", { class: "evidence-row", hidden: true },
      el("td", { colspan: columns.length }, el("p", { class: "first-evidence" }, e.evidence || "")));
    const toggle = () => {
      evidence.hidden = !evidence.hidden;
      row.classList.toggle("open", !evidence.hidden);
      if (!evidence.hidden && !evidence.dataset.loaded) {
        evidence.dataset.loaded = "1";
        loadEvent(e.id, evidence.firstChild);
      }
    };
    row.addEventListener("click", toggle);
    row.addEventListener("keydown", (ev) => { if (ev.key === "Enter") toggle(); });
    body.append(row, evidence);
  }
  const pager = el("div", { class: "pager" },
    el("button", { type: "button", disabled: state.page === 0, onclick: () => onPage(state.page - 1) }, "‹ newer"),
    el("button", { type: "button", disabled: to >= answer.total, onclick: () => onPage(state.page + 1) }, "older ›"));
  container.replaceChildren(el("table", { class: "events" }, el("thead", {}, head), body), pager);
  return answer.events.length;
}
