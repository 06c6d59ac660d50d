// ACLED event types: colours (colour-blind-safe where possible) and marker sizes.

export const TYPES = [
  ["Battles", "#d62728"],
  ["Explosions/Remote violence", "#ff7f0e"],
  ["Violence against civilians", "#9467bd"],
  ["Protests", "#1f77b4"],
  ["Riots", "#e377c2"],
  ["Strategic developments", "#2ca02c"],
];
const COLOURS = new Map(TYPES);
export const OTHER = "#7f7f7f";

export function colour(type) {
  return COLOURS.get(type) || OTHER;
}

/** A CSS class name for a type: "Explosions/Remote violence" -> "explosions-remote-violence". */
export function slug(type) {
  return (type || "other").toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "");
}

/** Marker radius in pixels: grows with the square root of the fatalities. */
export function radius(fatalities) {
  return Math.min(22, 6 + 2.5 * Math.sqrt(Math.max(0, fatalities || 0)));
}
