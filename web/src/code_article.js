// "Code this article": paste or upload an article, post it to /api/ingest (the server must
// run with --allow-ingest), and see its events highlighted in the text. The text comes
// back from the server cut into segments; each is shown as text, never as HTML.
import { postArticle } from "./api.js";
import { el, formatNumber, quadColors } from "./dom.js";

export function setupCodeView(form, result, errorBox, note, health) {
  if (!health.ingest) {
    note.textContent = "Ingest is off on this server. Start it with 'sitrep serve --allow-ingest' to code articles here.";
    form.querySelector("button[type=submit]").disabled = true;
  } else {
    note.textContent = "Codes the article with the server's pipeline. The token was printed when the server started.";
  }
  form.elements.token.value = sessionStorage.getItem("sitrep-token") || "";
  form.elements.file.addEventListener("change", async () => {
    const file = form.elements.file.files[0];
    if (file) form.elements.text.value = await file.text();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errorBox.textContent = "";
    const text = form.elements.text.value;
    const token = form.elements.token.value.trim();
    sessionStorage.setItem("sitrep-token", token);
    const file = form.elements.file.files[0];
    const isHtml = /^\s*</.test(text) || (file && /\.html?$/i.test(file.name));
    try {
      result.replaceChildren(el("p", { class: "hint" }, "coding…"));
      const answer = await postArticle(text, isHtml ? "text/html" : "text/plain", {
        title: form.elements.title.value, date: form.elements.date.value, url: form.elements.url.value,
        store: form.elements.store.checked ? "1" : "0",
      }, token);
      showResult(result, answer);
    } catch (err) {
      result.replaceChildren();
      errorBox.textContent = err.message;
    }
  });
}

function showResult(result, answer) {
  const parts = [];
  for (const doc of answer.documents) {
    const events = doc.events || [];
    const text = el("div", { class: "article-text" }, (doc.segments || [{ text: doc.text }]).map((s) =>
      s.role ? el("mark", { class: `seg-${s.role}`, dataset: { event: s.event }, title: `event ${s.event + 1}: ${s.role}` }, s.text) : s.text));
    const list = el("ol", { class: "coded-events" }, events.map((e, i) => {
      const badge = el("span", { class: "quad-badge" }, `Q${e.quad_class}`);
      badge.style.background = quadColors[e.quad_class] || "#888";
      const item = el("li", { dataset: { event: i } }, badge,
        el("strong", {}, `${e.source ? e.source.code : "?"} → ${e.target ? e.target.code : "–"}`),
        ` CAMEO ${e.cameo}${e.plover ? " · " + e.plover : ""}, Goldstein ${formatNumber(e.goldstein, 1)}, ${e.modality}`,
        e.date ? `, ${e.date}` : "", e.location ? `, ${e.location.name}` : "",
        el("q", {}, e.trigger ? e.trigger.text : ""));
      item.addEventListener("mouseenter", () => mark(text, i, true));
      item.addEventListener("mouseleave", () => mark(text, i, false));
      return item;
    }));
    const stored = answer.stored ? (doc.added ? `stored, ${doc.new_events} new events` : "already in the database") : "not stored";
    parts.push(el("div", { class: "coded-doc" },
      el("h3", {}, doc.title || doc.id, el("small", {}, ` ${formatNumber(events.length)} events · ${stored}`)),
      list, text));
  }
  for (const e of answer.errors) parts.push(el("p", { class: "error" }, e));
  result.replaceChildren(...parts);
}

function mark(container, index, on) {
  for (const m of container.querySelectorAll(`mark[data-event="${index}"]`)) m.classList.toggle("lit", on);
}
