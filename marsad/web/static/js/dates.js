// Event dates: ISO days as UTC milliseconds, and the day range of a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date.

export const DAY = 86400000;

export function dayMs(iso) {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
}

export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** [first day, last day] (ms) of an event date text; null when undated. */
export function interval(text) {
  if (!text) return null;
  const [y, m, d] = text.split("-").map(Number);
  if (!y) return null;
  if (d) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d)];
  if (m) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1) - DAY];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1) - DAY];
}

export function label(ms) {
  return new Date(ms).toLocaleDateString("en-GB", {day: "numeric", month: "short", year: "numeric", timeZone: "UTC"});
}
