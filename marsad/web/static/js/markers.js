// Event markers: circles coloured by type and sized by fatalities, clustered (leaflet.markercluster).
/* global L */
import {bilingual, el} from "./dom.js";
import {colour, radius, slug} from "./types.js";

function tooltip(props) {
  return el("div", {class: "tip"},
    el("strong", {}, props.event_type || "Event"), " ", el("span", {class: "muted"}, props.event_date_text || "undated"),
    el("br"), bilingual(props.location, props.location_ar),
    props.fatalities ? el("div", {}, `${props.fatalities} killed`) : null);
}

function clusterIcon(cluster) {
  const counts = new Map();
  for (const m of cluster.getAllChildMarkers()) {
    const t = m.feature.properties.event_type;
    counts.set(t, (counts.get(t) || 0) + 1);
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const n = cluster.getChildCount();
  const size = n < 10 ? 30 : n < 100 ? 36 : 44;
  const node = el("div", {class: "ev-cluster-inner"}, String(n));
  node.style.borderColor = colour(top[0]);
  return L.divIcon({html: node, className: "ev-cluster", iconSize: [size, size]});
}

/** A layer of event markers; ``onSelect(feature)`` runs when one is clicked. */
export function eventLayer(map, onSelect, {extracted = false} = {}) {
  const group = L.markerClusterGroup({
    iconCreateFunction: clusterIcon, showCoverageOnHover: false, maxClusterRadius: 40,
    spiderfyOnMaxZoom: true, disableClusteringAtZoom: 8,
  });
  group.addTo(map);
  return {
    group,
    /** Replace the markers with ``features`` (those without geometry are skipped); RETURNS the count drawn. */
    show(features) {
      group.clearLayers();
      const markers = [];
      for (const f of features) {
        if (!f.geometry) continue;
        const [lon, lat] = f.geometry.coordinates;
        const p = f.properties;
        const background = p.role === "background";
        const fill = colour(p.event_type);
        const marker = L.circleMarker([lat, lon], {
          radius: radius(p.fatalities), color: extracted ? "#222" : background ? fill : "#fff",
          weight: extracted || background ? 2 : 1.2, dashArray: extracted ? "3 3" : null,
          fillColor: fill, fillOpacity: background ? 0.15 : 0.85,
          className: `ev-marker ev-${slug(p.event_type)}${extracted ? " ev-extracted" : ""}`,
        });
        marker.options.baseColor = marker.options.color;
        marker.options.baseWeight = marker.options.weight;
        marker.feature = f;
        marker.bindTooltip(() => tooltip(p), {direction: "top"});
        marker.on("click", () => onSelect(f));
        markers.push(marker);
      }
      group.addLayers(markers);
      return markers.length;
    },
    /** Outline the marker of event ``id`` (and only it); ``reveal``: zoom until it is out of its cluster. */
    highlight(id, {reveal = false} = {}) {
      group.eachLayer((m) => {
        const on = m.feature.properties.id === id;
        if (on === Boolean(m.options.highlighted)) return;
        m.setStyle(on ? {color: "#111", weight: 3, highlighted: true}
          : {color: m.options.baseColor, weight: m.options.baseWeight, highlighted: false});
        if (on) {
          m.bringToFront?.();
          if (reveal) group.zoomToShowLayer(m);
        }
      });
    },
    bounds() {
      return group.getBounds();
    },
  };
}
