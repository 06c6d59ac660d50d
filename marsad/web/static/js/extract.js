// The paste box: an Arabic article and its date go to POST /extract; its events show on the map
// (dashed outline) and in a list; nothing is stored.
import {api} from "./api.js";
import {bilingual, el, fill, toast} from "./dom.js";
import {colour} from "./types.js";

/** As GeoJSON features, so the map layer and the panel treat them like stored events. */
function asFeatures(events) {
  return events.map((ev, i) => ({
    type: "Feature",
    geometry: ev.latitude !== null && ev.longitude !== null ? {type: "Point", coordinates: [ev.longitude, ev.latitude]} : null,
    properties: {...ev, id: `x${i}`, event_date_text: ev.event_date, event_date: null, n_articles: 0},
    event: ev,
  }));
}

/** Wire the form; ``onEvents(features, text)`` shows the results, ``onSelect(feature, text)`` opens one. */
export function extractBox({form, result, clearButton, maxChars, onEvents, onSelect}) {
  const textarea = form.elements.text;
  const submit = form.querySelector("button[type=submit]");
  textarea.maxLength = maxChars;

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = textarea.value;
    if (!text.trim()) return;
    submit.disabled = true;
    fill(result, el("p", {class: "muted"}, "Extracting…"));
    try {
      const body = await api.extract(text, form.elements.published.value);
      const features = asFeatures(body.events);
      onEvents(features, text);
      const list = el("ol", {class: "extracted-list"});
      for (const f of features) {
        const ev = f.event;
        const swatch = el("span", {class: "swatch", "aria-hidden": "true"});
        swatch.style.background = colour(ev.event_type);
        const item = el("button", {type: "button", class: "extracted-item"}, swatch, ev.event_type, " · ",
          ev.event_date || "undated", " · ", bilingual(ev.location, ev.location_ar),
          f.geometry ? null : el("span", {class: "muted"}, " (not on the map)"));
        item.addEventListener("click", () => onSelect(f, text));
        list.append(el("li", {}, item));
      }
      fill(result, el("p", {}, `${features.length} event${features.length === 1 ? "" : "s"} found.`), list);
    } catch (err) {
      fill(result, el("p", {class: "error"}, err.message));
      toast(err.message);
    } finally {
      submit.disabled = false;
    }
  });

  clearButton.addEventListener("click", () => {
    textarea.value = "";
    fill(result);
    onEvents([], "");
  });
}
