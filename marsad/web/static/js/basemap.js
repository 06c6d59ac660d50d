// The offline basemap: country outlines (world-atlas) and admin-1/admin-2 polygons drawn as vector
// layers, plus online tiles only when the server is configured with a tile URL.
/* global L, topojson */
import {el} from "./dom.js";

const GEO = "/static/geo";
const ADMIN1_LABEL_ZOOM = 6;
const ADMIN2_MIN_ZOOM = 7;
const ADMIN2_LABEL_ZOOM = 9;
const ATTRIBUTION = "Boundaries: Natural Earth; UNCS/UN OCHA (Syria COD-AB); Iraq CSO, ITOS, UN OCHA (Iraq COD-AB)";

async function getJson(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function nameTooltip(props) {
  const box = el("span", {class: "admin-name"});
  if (props.name_en) box.append(el("bdi", {dir: "ltr"}, props.name_en));
  if (props.name_en && props.name_ar) box.append(" · ");
  if (props.name_ar) box.append(el("bdi", {dir: "rtl", lang: "ar"}, props.name_ar));
  return box;
}

/** Names of the units at their bounding-box centres (English over Arabic), not clickable. */
function labels(geojson) {
  const group = L.layerGroup();
  for (const f of geojson.features) {
    if (!f.geometry) continue;
    const node = el("div", {}, el("div", {}, f.properties.name_en || ""),
      el("div", {lang: "ar", dir: "rtl"}, f.properties.name_ar || ""));
    const center = L.geoJSON(f).getBounds().getCenter();
    group.addLayer(L.marker(center, {pane: "labels", interactive: false, keyboard: false,
      icon: L.divIcon({html: node, className: "admin-label", iconSize: [120, 30], iconAnchor: [60, 15]})}));
  }
  return group;
}

/** Show ``layer`` on ``map`` only from zoom ``min`` on. */
function fromZoom(map, layer, min) {
  const toggle = () => (map.getZoom() >= min ? layer.addTo(map) : layer.remove());
  map.on("zoomend", toggle);
  toggle();
}

function layer(geojson, pane, style, withNames) {
  return L.geoJSON(geojson, {
    pane, style, interactive: withNames, bubblingMouseEvents: true,
    onEachFeature: withNames ? (f, lyr) => lyr.bindTooltip(() => nameTooltip(f.properties), {sticky: true}) : undefined,
  });
}

/** Add the basemap to ``map``; RETURNS a promise of the layers added (missing files only warn). */
export async function addBasemap(map, config) {
  map.createPane("basemap").style.zIndex = 250;
  map.createPane("admin").style.zIndex = 300;
  const labelPane = map.createPane("labels");
  labelPane.style.zIndex = 350;
  labelPane.style.pointerEvents = "none";
  if (config.tiles_url) {
    L.tileLayer(config.tiles_url, {attribution: config.tiles_attribution || "", maxZoom: 18}).addTo(map);
  }
  const filled = !config.tiles_url;
  try {
    const world = await getJson(`${GEO}/countries-50m.json`);
    layer(topojson.feature(world, world.objects.countries), "basemap", {
      color: "#a8a295", weight: 0.8, fillColor: filled ? "#f4f1ea" : "transparent", fillOpacity: 1,
    }, false).addTo(map);
  } catch (err) {
    console.warn("basemap countries:", err);
  }
  try {
    const admin = await getJson(`${GEO}/admin.topo.json`);
    const unit = (name) => topojson.feature(admin, admin.objects[name]);
    const [ne1, ocha1, ocha2] = [unit("ne_adm1"), unit("ocha_adm1"), unit("ocha_adm2")];
    layer(ne1, "admin", {color: "#b8b1a3", weight: 0.6, fill: true, fillOpacity: 0}, true).addTo(map);
    layer(ocha1, "admin", {color: "#8f8878", weight: 1.1, fill: true, fillOpacity: 0}, true).addTo(map);
    fromZoom(map, layer(ocha2, "admin", {color: "#b3ab9b", weight: 0.5, dashArray: "2 3", fill: true, fillOpacity: 0},
      true), ADMIN2_MIN_ZOOM);
    fromZoom(map, labels({features: [...ne1.features, ...ocha1.features]}), ADMIN1_LABEL_ZOOM);
    fromZoom(map, labels(ocha2), ADMIN2_LABEL_ZOOM);
  } catch (err) {
    console.warn("basemap admin units:", err);
  }
  map.attributionControl.addAttribution(ATTRIBUTION);
}
