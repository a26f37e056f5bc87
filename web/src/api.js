// The JSON API of `sitrep serve`. Every call returns parsed JSON or throws an Error whose
// message is the server's explanation (a 400 names the bad parameter).
//
// Answers started early: boot.js, which runs before this bundle has loaded, starts the
// first render's requests and leaves them in globalThis.sitrepBoot.answers (address ->
// pending fetch). A call for one of those addresses takes the waiting answer, once; any
// other call, or the same address asked again, goes to the server.

// "/api/map" and {zoom: 0, actor: ""} -> "/api/map?zoom=0" (empty values are left out).
export function apiUrl(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") query.set(k, v);
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

// The request itself, as boot.js and getJsonAt both make it.
export function startFetch(url) {
  return fetch(url, { headers: { Accept: "application/json" } });
}

function takeEarlyAnswer(url) {
  const answers = globalThis.sitrepBoot && globalThis.sitrepBoot.answers;
  const pending = answers && answers.get(url);
  if (pending) answers.delete(url);
  return pending;
}

export async function getJsonAt(url) {
  return readJson(await (takeEarlyAnswer(url) || startFetch(url)));
}

export function getJson(path, params = {}) {
  return getJsonAt(apiUrl(path, params));
}

export async function postArticle(body, contentType, params, token) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
  const response = await fetch(`/api/ingest?${query}`, {
    method: "POST",
    headers: { "Content-Type": contentType, Authorization: `Bearer ${token}` },
    body,
  });
  return readJson(response);
}

async function readJson(response) {
  let json = null;
  try {
    json = await response.json();
  } catch {
    throw new Error(`the server answered ${response.status} without JSON`);
  }
  if (!response.ok) throw new Error(json && json.error ? json.error : `HTTP ${response.status}`);
  return json;
}
