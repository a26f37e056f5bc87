// The actor network's layout: a force simulation written for the network's size (at most 60
// edges, so every pair of nodes is compared directly, which for so few nodes is cheaper than
// d3-force's quadtrees, and needs no library). Edges pull their ends to a set length, nodes
// repel one another, no two circles overlap and the whole stays centred. Deterministic:
// nodes start on a sunflower spiral, as in d3, so the same answer always draws the same.

export const networkWidth = 560;
export const networkHeight = 420;
const ticks = 80;                       // the network settles well within them
const edgeLength = 90;
const repulsion = 260;
const nodeRadius = 22;                  // no two centres closer than two radii
const velocityKeep = 0.6;               // of a node's velocity, each tick
const alphaDecay = 1 - Math.pow(0.001, 1 / ticks);  // the forces cool to 0.1% in `ticks`

// nodes: [{id}], links: [{from, to}] naming node ids -> [[x, y], ...] in the nodes' order,
// kept inside the drawing's box.
export function layoutNetwork(nodes, links) {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const vx = new Float64Array(n);
  const vy = new Float64Array(n);
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < n; ++i) {
    const r = 10 * Math.sqrt(0.5 + i);
    x[i] = r * Math.cos(i * golden);
    y[i] = r * Math.sin(i * golden);
  }
  const edges = links.map((l) => [index.get(l.from), index.get(l.to)]).filter(([a, b]) => a !== undefined && b !== undefined);
  const degree = new Float64Array(n);
  for (const [a, b] of edges) { ++degree[a]; ++degree[b]; }
  let alpha = 1;
  for (let t = 0; t < ticks; ++t) {
    alpha -= alpha * alphaDecay;
    pullEdges(edges, degree, x, y, vx, vy, alpha);
    repel(x, y, vx, vy, alpha);
    separate(x, y, vx, vy);
    for (let i = 0; i < n; ++i) {
      vx[i] *= velocityKeep;
      vy[i] *= velocityKeep;
      x[i] += vx[i];
      y[i] += vy[i];
    }
  }
  return place(x, y);
}

// Each edge a spring of edgeLength; a node with many edges gives way less.
function pullEdges(edges, degree, x, y, vx, vy, alpha) {
  for (const [a, b] of edges) {
    const dx = x[b] + vx[b] - x[a] - vx[a] || 1e-6;
    const dy = y[b] + vy[b] - y[a] - vy[a] || 1e-6;
    const length = Math.sqrt(dx * dx + dy * dy);
    const pull = ((length - edgeLength) / length) * alpha / Math.min(degree[a], degree[b]);
    const shareB = degree[a] / (degree[a] + degree[b]);
    vx[b] -= dx * pull * shareB;
    vy[b] -= dy * pull * shareB;
    vx[a] += dx * pull * (1 - shareB);
    vy[a] += dy * pull * (1 - shareB);
  }
}

// Every pair pushed apart, in inverse proportion to their distance.
function repel(x, y, vx, vy, alpha) {
  const n = x.length;
  for (let i = 0; i < n; ++i) {
    for (let j = i + 1; j < n; ++j) {
      const dx = x[j] - x[i];
      const dy = y[j] - y[i];
      const d2 = Math.max(1, dx * dx + dy * dy);
      const push = (repulsion * alpha) / d2;
      vx[i] -= dx * push;
      vy[i] -= dy * push;
      vx[j] += dx * push;
      vy[j] += dy * push;
    }
  }
}

// Overlapping circles moved apart, half each, by where they are about to be.
function separate(x, y, vx, vy) {
  const n = x.length;
  const min = 2 * nodeRadius;
  for (let i = 0; i < n; ++i) {
    for (let j = i + 1; j < n; ++j) {
      const dx = x[j] + vx[j] - x[i] - vx[i];
      const dy = y[j] + vy[j] - y[i] - vy[i];
      const d2 = dx * dx + dy * dy;
      if (d2 >= min * min) continue;
      const d = Math.sqrt(d2) || 1e-6;
      const shift = ((min - d) / d) * 0.5;
      vx[i] -= dx * shift;
      vy[i] -= dy * shift;
      vx[j] += dx * shift;
      vy[j] += dy * shift;
    }
  }
}

// Centred in the box, then kept inside it.
function place(x, y) {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; ++i) { mx += x[i] / n; my += y[i] / n; }
  const clamp = (v, margin, size) => Math.max(margin, Math.min(size - margin, v));
  return Array.from(x, (xi, i) => [clamp(xi - mx + networkWidth / 2, 20, networkWidth),
    clamp(y[i] - my + networkHeight / 2, 16, networkHeight)]);
}
