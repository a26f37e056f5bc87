// The JSON API of `sitrep serve`. Every call returns parsed JSON or throws an Error whose
// message is the server's explanation (a 400 names the bad parameter).

export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") query.set(k, v);
  }
  const qs = query.toString();
  const response = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: "application/json" } });
  return readJson(response);
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
