// The events table: one row per event shown on the map (undated and unlocated ones too).
import {bilingual, el, fill} from "./dom.js";
import {colour, slug} from "./types.js";

const MAX_ROWS = 500;

function actors(p) {
  const one = bilingual(p.actor1, p.actor1_ar);
  if (!p.actor2 && !p.actor2_ar) return one;
  return el("span", {}, one, el("span", {class: "vs"}, " vs "), bilingual(p.actor2, p.actor2_ar));
}

/** Render ``features`` (newest first) into ``table``; ``onSelect(feature)`` on a row click or Enter. */
export function renderTable(table, countNode, features, onSelect, selectedId) {
  const body = fill(table.tBodies[0]);
  const rows = [...features].sort((a, b) =>
    (b.properties.event_date || "").localeCompare(a.properties.event_date || "") ||
    String(a.properties.id).localeCompare(String(b.properties.id)));
  for (const f of rows.slice(0, MAX_ROWS)) {
    const p = f.properties;
    const swatch = el("span", {class: "swatch", "aria-hidden": "true"});
    swatch.style.background = colour(p.event_type);
    const place = el("td", {}, bilingual(p.location, p.location_ar),
      p.admin1 && p.admin1 !== p.location ? el("div", {class: "muted small"}, p.admin1) : null,
      f.geometry ? null : el("div", {class: "muted small"}, "not on the map"));
    const row = el("tr", {tabindex: 0, dataset: {id: p.id, type: slug(p.event_type)},
      class: [p.role === "background" ? "background" : "", p.id === selectedId ? "selected" : ""].join(" ").trim()},
      el("td", {class: "nowrap"}, p.event_date_text || "—"),
      el("td", {}, swatch, p.event_type || "—", el("div", {class: "muted small"}, p.sub_event_type || "")),
      place,
      el("td", {}, actors(p)),
      el("td", {class: "num"}, String(p.fatalities ?? 0)),
      el("td", {class: "num"}, String(p.n_articles ?? 1)));
    row.addEventListener("click", () => onSelect(f));
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") onSelect(f); });
    body.append(row);
  }
  countNode.textContent = rows.length > MAX_ROWS
    ? `(showing ${MAX_ROWS} of ${rows.length})` : `(${rows.length})`;
}

export function markSelected(table, id) {
  for (const row of table.tBodies[0].rows) row.classList.toggle("selected", row.dataset.id === id);
}
