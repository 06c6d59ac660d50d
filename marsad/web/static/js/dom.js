// DOM helpers: every piece of data goes in as a text node, never as HTML.

/** el("div", {class: "x", dir: "auto"}, "text", child) -> the element. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** Append strings (as text) and nodes; skip null/undefined/false. */
export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replace the children of ``node`` with ``children`` (strings as text). */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** Arabic text, isolated and right-to-left inside any line. */
export function ar(text) {
  return text ? el("bdi", {lang: "ar", dir: "rtl", class: "ar"}, text) : null;
}

/** An English name with its Arabic form beside it: "Al Mayadin · الميادين". */
export function bilingual(en, arabic) {
  if (!en && !arabic) return el("span", {class: "muted"}, "—");
  const node = el("span", {class: "bi"});
  if (en) append(node, [el("bdi", {dir: "auto"}, en)]);
  if (en && arabic && en !== arabic) append(node, [el("span", {class: "sep", "aria-hidden": "true"}, " · ")]);
  if (arabic && arabic !== en) append(node, [ar(arabic)]);
  return node;
}

/** The text with [start, end) wrapped in <mark>: three text nodes, no HTML parsing. */
export function highlighted(text, start, end) {
  const box = el("div", {class: "article-text", dir: "rtl", lang: "ar"});
  const ok = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end;
  if (!ok) return append(box, [text]);
  const mark = el("mark", {class: "evidence"}, text.slice(start, end));
  append(box, [text.slice(0, start), mark, text.slice(end)]);
  return box;
}

let toastTimer = null;
/** A short message at the bottom of the page. */
export function toast(message) {
  const box = document.getElementById("toast");
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 6000);
}
