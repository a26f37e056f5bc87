// The shared filters: one set for every view, kept in the page's URL so that a view can be
// shared. Filter names are the API's own (actor, dyad, root, quad, plover, modality, from,
// to, place); other URL keys hold view state (view, period, compare, sort, order, page).

export const filterNames = ["actor", "dyad", "root", "quad", "plover", "modality", "from", "to", "place"];

export function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const name of filterNames) if (params.get(name)) filters[name] = params.get(name);
  return {
    filters,
    view: params.get("view") === "code" ? "code" : "dashboard",
    period: params.get("period") || "month",
    measure: params.get("measure") === "goldstein" ? "goldstein" : "events",
    compare: params.get("compare") || "",
    level: params.get("level") === "country" ? "country" : "code",
    sort: params.get("sort") || "date",
    order: params.get("order") || "desc",
    page: Math.max(0, parseInt(params.get("page") || "0", 10) || 0),
  };
}

export function writeState(state) {
  const params = new URLSearchParams();
  for (const name of filterNames) if (state.filters[name]) params.set(name, state.filters[name]);
  if (state.view !== "dashboard") params.set("view", state.view);
  if (state.period !== "month") params.set("period", state.period);
  if (state.measure !== "events") params.set("measure", state.measure);
  if (state.compare) params.set("compare", state.compare);
  if (state.level !== "code") params.set("level", state.level);
  if (state.sort !== "date") params.set("sort", state.sort);
  if (state.order !== "desc") params.set("order", state.order);
  if (state.page) params.set("page", String(state.page));
  const qs = params.toString();
  history.replaceState(null, "", qs ? `?${qs}` : location.pathname);
}

// Fills the filter form from the state, and reads it back.
export function fillForm(form, filters) {
  for (const name of filterNames) {
    const input = form.elements[name];
    if (input) input.value = filters[name] || "";
  }
}

export function formFilters(form) {
  const filters = {};
  for (const name of filterNames) {
    const input = form.elements[name];
    const value = input ? input.value.trim() : "";
    if (value) filters[name] = value;
  }
  return filters;
}

// The CAMEO roots offered in the filter bar.
export const cameoRoots = [
  ["01", "make public statement"], ["02", "appeal"], ["03", "express intent to cooperate"],
  ["04", "consult"], ["05", "engage in diplomatic cooperation"], ["06", "engage in material cooperation"],
  ["07", "provide aid"], ["08", "yield"], ["09", "investigate"], ["10", "demand"],
  ["11", "disapprove"], ["12", "reject"], ["13", "threaten"], ["14", "protest"],
  ["15", "exhibit force posture"], ["16", "reduce relations"], ["17", "coerce"], ["18", "assault"],
  ["19", "fight"], ["20", "use unconventional mass violence"],
];
