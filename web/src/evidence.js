// The evidence of one event: every mention with its sentence, actors and trigger
// highlighted, modality, date and place with their precision, and the article's link.
import { getJson } from "./api.js";
import { el, formatNumber, quadColors, quadNames, safeLink } from "./dom.js";

// The sentence as spans, one per segment; roles become CSS classes, text stays text.
export function highlightedSentence(segments) {
  return el("p", { class: "sentence" },
    segments.map((s) => (s.role ? el("mark", { class: `seg-${s.role}`, title: s.role }, s.text) : s.text)));
}

// An actor of a mention; none (a null source) is "–", and a target the text leaves unsaid
// says so: where the event happened, or the source's own state.
function actor(a) {
  if (!a || !a.code) return "–";
  const label = a.name && a.name !== a.code ? `${a.name} (${a.code})` : a.code;
  if (a.implicit === "location") return `${label}, unsaid: where it happened`;
  if (a.implicit === "domestic") return `${label}, unsaid: its own state`;
  return label;
}

function mentionView(m) {
  const doc = m.document || {};
  const place = m.place
    ? `${m.place.name}${m.place.country ? ", " + m.place.country : ""} (${m.place.precision || "unknown precision"})`
    : "no place";
  return el("li", { class: "mention" },
    highlightedSentence(m.segments || [{ text: m.sentence || "" }]),
    el("div", { class: "meta" },
      el("span", { class: `modality modality-${m.modality}` }, m.modality),
      el("span", {}, `${actor(m.source)} → ${actor(m.target)}`),
      el("span", {}, `CAMEO ${m.cameo}${m.plover ? " · " + m.plover : ""}`),
      el("span", {}, `date ${m.date || "unknown"}${m.date_precision ? " (" + m.date_precision + ")" : ""}`),
      el("span", {}, place)),
    el("div", { class: "meta source" },
      safeLink(doc.url, doc.title || doc.url || doc.key),
      doc.source ? el("span", {}, doc.source) : null,
      doc.date ? el("span", {}, `published ${doc.date}`) : null));
}

export function eventView(detail) {
  const e = detail.event;
  const days = e.first_day && e.last_day && e.first_day !== e.last_day ? `${e.first_day} – ${e.last_day}` : e.date || "date unknown";
  const place = e.place
    ? `${e.place.name || "unnamed place"}${e.place.country ? ", " + e.place.country : ""}${e.place_precision ? " (" + e.place_precision + ")" : ""}`
    : "no place";
  const badge = el("span", { class: "quad-badge", title: quadNames[e.quad_class] || "" }, `Q${e.quad_class}`);
  badge.style.background = quadColors[e.quad_class] || "#888";
  return el("div", { class: "event-detail" },
    el("div", { class: "event-head" }, badge,
      el("strong", {}, `${e.source_name || e.source_code} → ${e.target_name || e.target_code || "–"}`),
      el("span", {}, `CAMEO ${e.cameo}${e.plover ? " · " + e.plover : ""}`),
      el("span", {}, `Goldstein ${formatNumber(e.goldstein, 1)}`),
      el("span", {}, days), el("span", {}, place),
      el("span", {}, `${e.num_mentions} mention${e.num_mentions === 1 ? "" : "s"}, ${e.num_sources} source${e.num_sources === 1 ? "" : "s"}, ${e.num_articles} article${e.num_articles === 1 ? "" : "s"}`)),
    el("ol", { class: "mentions" }, detail.mentions.map(mentionView)));
}

export async function loadEvent(id, container) {
  container.replaceChildren(el("p", { class: "hint" }, "loading…"));
  try {
    const detail = await getJson(`/api/events/${encodeURIComponent(id)}`);
    container.replaceChildren(eventView(detail));
  } catch (err) {
    container.replaceChildren(el("p", { class: "error" }, err.message));
  }
}
