// The event panel: the English notes line, the fields, the sources, and a report's text with the
// evidence highlighted (character offsets into the article text, rendered as text nodes).
import {api} from "./api.js";
import {bilingual, el, fill, highlighted, toast} from "./dom.js";
import {colour} from "./types.js";

const PRECISION = {1: "day", 2: "week", 3: "month or coarser"};

function field(dl, name, ...value) {
  if (value.every((v) => v === null || v === undefined || v === "")) return;
  dl.append(el("dt", {}, name), el("dd", {}, ...value));
}

function safeLink(url) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      return el("a", {href: parsed.href, target: "_blank", rel: "noopener noreferrer nofollow"}, "open");
    }
  } catch { /* not a URL */ }
  return null;
}

function fields(ev) {
  const dl = el("dl", {class: "fields"});
  field(dl, "Date", ev.event_date || "unknown", el("span", {class: "muted"}, ` (precision: ${PRECISION[ev.time_precision] || "coarse"})`));
  field(dl, "Place", bilingual(ev.location, ev.location_ar));
  field(dl, "Admin", [ev.admin2, ev.admin1, ev.country_name || ev.country].filter(Boolean).join(", "));
  if (ev.latitude !== null && ev.longitude !== null) {
    field(dl, "Coordinates", `${ev.latitude.toFixed(4)}, ${ev.longitude.toFixed(4)}`,
      ev.geo_precision ? el("span", {class: "muted"}, ` (geo precision ${ev.geo_precision})`) : null);
  }
  field(dl, "Actor 1", bilingual(ev.actor1, ev.actor1_ar), ev.inter1 ? el("div", {class: "muted small"}, ev.inter1) : null);
  if (ev.assoc_actor_1) field(dl, "With", el("bdi", {dir: "auto"}, ev.assoc_actor_1));
  if (ev.actor2 || ev.actor2_ar) {
    field(dl, "Actor 2", bilingual(ev.actor2, ev.actor2_ar), ev.inter2 ? el("div", {class: "muted small"}, ev.inter2) : null);
  }
  if (ev.assoc_actor_2) field(dl, "With", el("bdi", {dir: "auto"}, ev.assoc_actor_2));
  field(dl, "Fatalities", `${ev.fatalities ?? 0}${ev.fatalities_qualifier ? ` (${ev.fatalities_qualifier.replace("_", " ")})` : ""}`);
  if (ev.injuries) field(dl, "Injured", String(ev.injuries));
  if (ev.arrests) field(dl, "Arrested", String(ev.arrests));
  field(dl, "Status", [ev.status, ev.role === "background" ? "background (reported as past context)" : null,
    ev.civilian_targeting].filter(Boolean).join(" · "));
  field(dl, "Confidence", typeof ev.confidence === "number" ? ev.confidence.toFixed(2) : null);
  return dl;
}

function header(ev) {
  const chip = el("span", {class: "chip"}, ev.event_type || "Event");
  chip.style.background = colour(ev.event_type);
  return el("header", {class: "event-head"}, chip, " ", el("span", {class: "subtype"}, ev.sub_event_type || ""));
}

/** Scroll the text box (only it, not the panel) so the highlighted evidence is in view. */
function scrollToEvidence(textBox) {
  const mark = textBox?.querySelector("mark");
  if (mark) textBox.scrollTop = Math.max(0, mark.offsetTop - textBox.clientHeight / 4);
}

let articleRequest = 0;

async function showSource(box, source, buttons, button) {
  const mine = ++articleRequest;
  for (const b of buttons) b.setAttribute("aria-pressed", String(b === button));
  fill(box, el("p", {class: "muted"}, "Loading the report…"));
  try {
    const article = await api.article(source.article_id);
    if (mine !== articleRequest) return;
    const span = source.evidence || {};
    const text = highlighted(article.text, span.start, span.end);
    fill(box,
      el("h3", {}, "Report ", el("span", {class: "muted small"}, article.outlet || "", article.published ? ` · ${article.published}` : "")),
      article.title ? el("p", {class: "article-title", dir: "auto"}, article.title) : null,
      text);
    scrollToEvidence(text);
  } catch (err) {
    if (mine === articleRequest) fill(box, el("p", {class: "error"}, `Cannot load the report: ${err.message}`));
  }
}

/** Show a stored event (``GET /events/{id}``): fields, sources, and the first report with its evidence. */
export function showEvent(panel, detail) {
  const ev = detail.event;
  const box = el("div", {class: "report"});
  const list = el("ol", {class: "sources"});
  const buttons = [];
  for (const source of detail.sources) {
    const button = el("button", {type: "button", class: "source", "aria-pressed": "false"},
      el("strong", {}, source.outlet || "Unknown outlet"),
      source.published ? el("span", {class: "muted"}, ` · ${source.published}`) : null,
      source.title ? el("div", {dir: "auto", class: "source-title"}, source.title) : null);
    button.addEventListener("click", () => showSource(box, source, buttons, button));
    buttons.push(button);
    list.append(el("li", {}, button, source.url ? safeLink(source.url) : null));
  }
  const merged = detail.merge_reasons?.length
    ? el("details", {class: "reasons"}, el("summary", {}, `Merged from ${detail.sources.length} reports`),
      el("ul", {}, detail.merge_reasons.map((r) => el("li", {dir: "auto"}, r))))
    : null;
  fill(panel, el("article", {class: "event", dataset: {id: detail.id}},
    header(ev),
    el("p", {class: "notes", dir: "ltr", lang: "en"}, ev.notes || ""),
    fields(ev),
    el("h3", {}, `Sources (${detail.sources.length})`), list, merged,
    box));
  if (buttons.length) showSource(box, detail.sources[0], buttons, buttons[0]);
  else box.append(el("p", {class: "muted"}, "No stored report."));
}

/** Show an event extracted from pasted ``text`` (nothing stored): fields and the evidence in the text. */
export function showExtracted(panel, ev, text) {
  const span = ev.evidence || {};
  fill(panel, el("article", {class: "event extracted"},
    header(ev),
    el("p", {class: "notes", dir: "ltr", lang: "en"}, ev.notes || ""),
    fields(ev),
    el("h3", {}, "Pasted article ", el("span", {class: "muted small"}, "(not stored)")),
    highlighted(text, span.start, span.end)));
  scrollToEvidence(panel.querySelector(".article-text"));
}

export function showError(panel, message) {
  fill(panel, el("p", {class: "error"}, message));
  toast(message);
}
