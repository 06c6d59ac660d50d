// The timeline: stacked bars of events per day (or per week/month for long spans) by type, in SVG.
// Drag across bars or click one to choose a date window, which filters the map and the table.
import {DAY, dayMs, isoDay, label} from "./dates.js";
import {TYPES, colour} from "./types.js";

const NS = "http://www.w3.org/2000/svg";
const PAD = {left: 34, right: 10, top: 8, bottom: 20};
const KNOWN = TYPES.map(([t]) => t);

function svg(tag, attrs, parent) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.append(node);
  return node;
}

/** Days per bar: 1 up to half a year, then weeks up to three years, then 30-day months. */
function bucketDays(spanDays) {
  return spanDays <= 183 ? 1 : spanDays <= 3 * 366 ? 7 : 30;
}

/** ``onWindow([startMs, endMs])`` runs when the user picks a date window. */
export function timeline(node, onWindow) {
  let bins = [];  // [{start: ms, end: ms, counts: Map(type -> n)}]
  let windowMs = null;
  let step = 0;

  function binAt(clientX) {
    if (!bins.length || !step) return null;
    const x = clientX - node.getBoundingClientRect().left - PAD.left;
    return bins[Math.max(0, Math.min(bins.length - 1, Math.floor(x / step)))];
  }

  function draw() {
    while (node.firstChild) node.removeChild(node.firstChild);
    const width = node.clientWidth || 600;
    const height = node.clientHeight || 110;
    node.setAttribute("viewBox", `0 0 ${width} ${height}`);
    if (!bins.length) {
      svg("text", {x: width / 2, y: height / 2, "text-anchor": "middle", class: "tl-empty"}, node)
        .textContent = "No dated events";
      step = 0;
      return;
    }
    const inner = height - PAD.top - PAD.bottom;
    step = (width - PAD.left - PAD.right) / bins.length;
    const total = (b) => [...b.counts.values()].reduce((a, n) => a + n, 0);
    const max = Math.max(1, ...bins.map(total));
    svg("line", {x1: PAD.left, x2: width - PAD.right, y1: PAD.top + inner, y2: PAD.top + inner, class: "tl-axis"}, node);
    svg("text", {x: PAD.left - 4, y: PAD.top + 8, "text-anchor": "end", class: "tl-label"}, node).textContent = max;
    if (windowMs) {
      const i0 = bins.findIndex((b) => b.end >= windowMs[0]);
      const i1 = bins.findLastIndex((b) => b.start <= windowMs[1]);
      if (i0 >= 0 && i1 >= i0) {
        svg("rect", {x: PAD.left + i0 * step, y: PAD.top - 4, width: (i1 - i0 + 1) * step, height: inner + 4,
          class: "tl-window"}, node);
      }
    }
    const bars = svg("g", {class: "tl-bars"}, node);
    bins.forEach((b, i) => {
      let y = PAD.top + inner;
      const types = [...KNOWN, ...[...b.counts.keys()].filter((t) => !KNOWN.includes(t))];
      for (const type of types) {
        const n = b.counts.get(type);
        if (!n) continue;
        const h = (n / max) * inner;
        y -= h;
        const bar = svg("rect", {x: PAD.left + i * step + step * 0.12, y, width: Math.max(1, step * 0.76), height: h,
          fill: colour(type), class: "tl-bar", "data-day": isoDay(b.start)}, bars);
        const when = b.end > b.start ? `${isoDay(b.start)} – ${isoDay(b.end)}` : isoDay(b.start);
        svg("title", {}, bar).textContent = `${when}: ${n} × ${type || "unknown type"}`;
      }
    });
    const ticks = Math.min(bins.length, Math.max(2, Math.floor((width - PAD.left) / 90)));
    for (let k = 0; k < ticks; k++) {
      const i = Math.round((k * (bins.length - 1)) / Math.max(1, ticks - 1));
      const anchor = k === 0 ? "start" : k === ticks - 1 ? "end" : "middle";
      const x = k === 0 ? PAD.left : k === ticks - 1 ? width - PAD.right : PAD.left + (i + 0.5) * step;
      svg("text", {x, y: height - 5, "text-anchor": anchor, class: "tl-label"}, node)
        .textContent = label(bins[i].start);
    }
  }

  let dragFrom = null;
  node.addEventListener("pointerdown", (e) => {
    dragFrom = binAt(e.clientX);
    if (dragFrom) node.setPointerCapture?.(e.pointerId);
  });
  node.addEventListener("pointermove", (e) => {
    const to = dragFrom && binAt(e.clientX);
    if (!to) return;
    windowMs = [Math.min(dragFrom.start, to.start), Math.max(dragFrom.end, to.end)];
    draw();
  });
  node.addEventListener("pointerup", (e) => {
    const from = dragFrom;
    const to = from && binAt(e.clientX);
    dragFrom = null;
    if (!to) return;
    windowMs = [Math.min(from.start, to.start), Math.max(from.end, to.end)];
    draw();
    onWindow(windowMs);
  });
  new ResizeObserver(() => draw()).observe(node);

  return {
    /** Count ``features`` (GeoJSON; by their first day) per bar and draw them. */
    setData(features) {
      const starts = features.map((f) => f.properties.event_date).filter(Boolean).map((d) => dayMs(d));
      bins = [];
      if (starts.length) {
        const first = Math.min(...starts) - DAY;
        const last = Math.max(...starts) + DAY;
        const size = bucketDays((last - first) / DAY) * DAY;
        for (let s = first; s <= last; s += size) bins.push({start: s, end: s + size - DAY, counts: new Map()});
        for (const f of features) {
          if (!f.properties.event_date) continue;
          const bin = bins[Math.floor((dayMs(f.properties.event_date) - first) / size)];
          bin.counts.set(f.properties.event_type, (bin.counts.get(f.properties.event_type) || 0) + 1);
        }
      }
      draw();
    },
    setWindow(w) {
      windowMs = w;
      draw();
    },
  };
}
