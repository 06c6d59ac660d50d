// The HTTP API: JSON requests with the optional bearer token; errors become ApiError with the server's message.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const TOKEN_KEY = "marsad-token";

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

async function request(method, path, {params, body} = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  const headers = {Accept: "application/json"};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(url, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (err) {
    throw new ApiError(0, "network", `cannot reach the server (${err.message})`);
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, data?.error || "error", data?.message || `HTTP ${response.status}`);
  }
  return data;
}

export const api = {
  config: () => request("GET", "/config.json"),
  geojson: (filters) => request("GET", "/events.geojson", {params: filters}),
  stats: (filters) => request("GET", "/stats", {params: filters}),
  event: (id) => request("GET", `/events/${encodeURIComponent(id)}`),
  article: (id) => request("GET", `/articles/${encodeURIComponent(id)}`),
  extract: (text, published) => request("POST", "/extract", {body: {text, published: published || null}}),
};
