// The dashboard: loads events for the filters, and keeps the map, timeline, table and panel in step.
/* global L */
import {api, setToken} from "./api.js";
import {addBasemap} from "./basemap.js";
import {interval, label} from "./dates.js";
import {el, toast} from "./dom.js";
import {extractBox} from "./extract.js";
import {eventLayer} from "./markers.js";
import {showError, showEvent, showExtracted} from "./panel.js";
import {markSelected, renderTable} from "./table.js";
import {timeline} from "./timeline.js";
import {TYPES, colour} from "./types.js";

const $ = (id) => document.getElementById(id);
const state = {features: [], window: null, selected: null, fitted: false, pastedText: ""};
const DEFAULT_VIEW = [[29.0, 33.0], [38.5, 49.0]];  // Syria and Iraq

let map, events, extracted, chart, config;

function filters() {
  const form = $("filters");
  const out = {};
  for (const name of ["type", "country", "admin1", "actor", "q", "level"]) {
    const value = form.elements[name].value.trim();
    if (value) out[name] = value;
  }
  return out;
}

function inWindow(feature) {
  if (!state.window) return true;
  const span = interval(feature.properties.event_date_text);
  return span !== null && span[1] >= state.window[0] && span[0] <= state.window[1];
}

function render() {
  const visible = state.features.filter(inWindow);
  const drawn = events.show(visible);
  $("map").dataset.count = String(drawn);
  if (state.selected) events.highlight(state.selected);
  renderTable($("events-table"), $("table-count"), visible, (f) => select(f, {reveal: true}), state.selected);
  const w = state.window;
  const days = w && (w[0] === w[1] ? label(w[0]) : `${label(w[0])} – ${label(w[1])}`);
  $("window").textContent = w ? `${days}: ${visible.length} event${visible.length === 1 ? "" : "s"}` : "";
  $("window-reset").hidden = !w;
}

function setWindow(w) {
  state.window = w;
  chart.setWindow(w);
  render();
}

async function load() {
  document.body.dataset.state = "loading";
  const f = filters();
  try {
    const [fc, stats] = await Promise.all([api.geojson(f), api.stats(f)]);
    state.features = fc.features;
    $("totals").textContent = `${stats.articles} articles · ${stats.events} reports · ${stats.canonical_events} incidents`
      + (fc.truncated ? ` · map shows ${fc.features.length} of ${fc.total}` : "");
    chart.setData(state.features);
    render();
    const bounds = events.bounds();
    if (bounds.isValid()) map.fitBounds(bounds, {padding: [40, 40], maxZoom: 8});
    else if (!state.fitted) map.fitBounds(DEFAULT_VIEW);
    state.fitted = true;
  } catch (err) {
    if (err.status === 401 || err.status === 403) $("token-box").hidden = false;
    toast(`Cannot load events: ${err.message}`);
  } finally {
    document.body.dataset.state = "ready";
  }
}

function showTab(name) {
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const on = tab.dataset.tab === name;
    tab.setAttribute("aria-selected", String(on));
    $(`panel-${tab.dataset.tab}`).hidden = !on;
  }
}

/** Open an event in the panel (``reveal``: also zoom the map to its marker). */
async function select(feature, {reveal = false} = {}) {
  const id = feature.properties.id;
  state.selected = id;
  markSelected($("events-table"), id);
  showTab("event");
  events.highlight(id, {reveal: reveal && Boolean(feature.geometry)});
  history.replaceState(null, "", `#event=${encodeURIComponent(id)}`);
  try {
    showEvent($("panel-event"), await api.event(id));
  } catch (err) {
    showError($("panel-event"), `Cannot load event ${id}: ${err.message}`);
  }
}

function legend() {
  const box = $("legend");
  for (const [type] of TYPES) {
    const swatch = el("span", {class: "swatch", "aria-hidden": "true"});
    swatch.style.background = colour(type);
    const button = el("button", {type: "button", class: "legend-item", dataset: {type}, title: `Show only ${type}`},
      swatch, type);
    button.addEventListener("click", () => {
      const select = $("f-type");
      select.value = select.value === type ? "" : type;
      load();
    });
    box.append(button);
  }
  box.append(el("span", {class: "legend-note"}, "size: fatalities · hollow: background (past) events · dashed: pasted article"));
}

async function start() {
  config = await api.config().catch(() => ({read_open: true, max_text_chars: 100000, tiles_url: null}));
  if (!config.read_open) $("token-box").hidden = false;
  $("f-token").addEventListener("change", (e) => { setToken(e.target.value.trim()); load(); });

  legend();
  map = L.map("map", {minZoom: 2, maxZoom: 14, zoomSnap: 0.25, worldCopyJump: true}).fitBounds(DEFAULT_VIEW);
  new ResizeObserver(() => map.invalidateSize()).observe($("map"));
  events = eventLayer(map, select);
  extracted = eventLayer(map, (f) => showExtracted($("panel-event"), f.event, state.pastedText), {extracted: true});
  chart = timeline($("timeline"), setWindow);
  const basemap = addBasemap(map, config);

  $("filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
  $("filters").addEventListener("reset", () => setTimeout(() => { state.window = null; chart.setWindow(null); load(); }));
  $("f-type").addEventListener("change", () => load());
  $("f-level").addEventListener("change", () => load());
  $("window-reset").addEventListener("click", () => setWindow(null));
  for (const tab of document.querySelectorAll("[role=tab]")) tab.addEventListener("click", () => showTab(tab.dataset.tab));

  extractBox({
    form: $("extract-form"), result: $("extract-result"), clearButton: $("x-clear"),
    maxChars: config.max_text_chars,
    onEvents(features, text) {
      state.pastedText = text;
      extracted.show(features);
      const bounds = extracted.bounds();
      if (bounds.isValid()) map.fitBounds(bounds, {padding: [60, 60], maxZoom: 8});
    },
    onSelect(feature, text) {
      showTab("event");
      showExtracted($("panel-event"), feature.event, text);
    },
  });

  await Promise.all([load(), basemap]);
  const linked = new URLSearchParams(window.location.hash.slice(1)).get("event");
  const feature = linked && state.features.find((f) => f.properties.id === linked);
  if (feature) await select(feature);
  document.body.dataset.basemap = "ready";
}

start().catch((err) => {
  document.body.dataset.state = "error";
  toast(`The dashboard failed to start: ${err.message}`);
  console.error(err);
});
