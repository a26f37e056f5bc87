// DOM helpers. Article text is untrusted: it only ever enters the page as text nodes
// (strings passed as children, or textContent), never as HTML, and links are kept only
// for http(s) addresses.

// el("td", {class: "num", onclick: fn}, "text", childNode, ...)
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

// A link to an article, or plain text when the address is not http(s).
export function safeLink(url, text) {
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    return el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, text || url);
  }
  return el("span", {}, text || url || "");
}

export const quadNames = {
  1: "verbal cooperation",
  2: "material cooperation",
  3: "verbal conflict",
  4: "material conflict",
};

export const quadColors = { 1: "#3b82c4", 2: "#1a9e6e", 3: "#f0a030", 4: "#d7342a" };

// One formatter per number of digits: toLocaleString with options builds a new one on
// every call (about 70 µs each), which cost the first render about half a second.
const numberFormats = new Map();

export function formatNumber(n, digits = 0) {
  if (n === null || n === undefined || Number.isNaN(n)) return "–";
  if (!numberFormats.has(digits)) {
    numberFormats.set(digits, new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
  }
  return numberFormats.get(digits).format(Number(n));
}

// The colour of a mean Goldstein score: red (-10) through grey (0) to blue (+10).
export function goldsteinColor(g) {
  const t = Math.max(-1, Math.min(1, (g || 0) / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [215, 52, 42] : [45, 110, 200];
  const mix = grey.map((c, i) => Math.round(c + (end[i] - c) * Math.abs(t)));
  return `rgb(${mix[0]},${mix[1]},${mix[2]})`;
}
