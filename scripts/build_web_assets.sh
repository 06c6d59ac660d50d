#!/usr/bin/env bash
# Rebuild the dashboard's vendored front-end files and offline basemap under marsad/web/static/.
#
# Reproducible: exact npm versions, fetched with `npm pack` / `npm install` into a temporary folder,
# then copied (vendor/) or converted (geo/). Needs node + npm and the npm registry; the outputs are
# committed, so neither installing nor running marsad needs this script.
#
#   scripts/build_web_assets.sh                 # boundaries from ../shared/data/boundaries-src
#   BOUNDARIES=/path/to/boundaries-src scripts/build_web_assets.sh
set -euo pipefail

LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
TOPOJSON_CLIENT=3.1.0
TOPOJSON_SERVER=3.0.1
WORLD_ATLAS=2.0.2
SWAGGER_UI=5.35.0

root=$(cd "$(dirname "$0")/.." && pwd)
static="$root/marsad/web/static"
boundaries=${BOUNDARIES:-$root/../shared/data/boundaries-src}
ocha="$boundaries/syr_irq_admbnda_adm1_adm2_simplified.geojson"
ne="$boundaries/ne_10m_admin_1_states_provinces_MENA_simplified.geojson"
for f in "$ocha" "$ne"; do
  [ -f "$f" ] || { echo "missing $f (set BOUNDARIES=folder)" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

unpack() {  # unpack NAME@VERSION into ./NAME
  local tgz
  tgz=$(npm pack --silent "$1")
  mkdir -p "${1%@*}"
  tar xzf "$tgz" -C "${1%@*}" --strip-components=1
}
unpack "leaflet@$LEAFLET"
unpack "leaflet.markercluster@$MARKERCLUSTER"
unpack "topojson-client@$TOPOJSON_CLIENT"
unpack "world-atlas@$WORLD_ATLAS"
unpack "swagger-ui-dist@$SWAGGER_UI"

vendor="$static/vendor"
rm -rf "$vendor/leaflet" "$vendor/leaflet.markercluster" "$vendor/topojson-client" "$vendor/swagger-ui"
mkdir -p "$vendor/leaflet/images" "$vendor/leaflet.markercluster" "$vendor/topojson-client" "$vendor/swagger-ui"
install -m 644 leaflet/dist/leaflet.js leaflet/dist/leaflet.css leaflet/LICENSE "$vendor/leaflet/"
install -m 644 leaflet/dist/images/*.png "$vendor/leaflet/images/"
install -m 644 leaflet.markercluster/dist/leaflet.markercluster.js leaflet.markercluster/dist/MarkerCluster.css \
   leaflet.markercluster/dist/MarkerCluster.Default.css leaflet.markercluster/MIT-LICENCE.txt \
   "$vendor/leaflet.markercluster/"
install -m 644 topojson-client/dist/topojson-client.min.js topojson-client/LICENSE "$vendor/topojson-client/"
# Swagger UI for /docs (FastAPI would load it from a CDN)
install -m 644 swagger-ui-dist/swagger-ui-bundle.js swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt \
   swagger-ui-dist/swagger-ui.css swagger-ui-dist/favicon-32x32.png swagger-ui-dist/LICENSE swagger-ui-dist/NOTICE \
   "$vendor/swagger-ui/"

geo="$static/geo"
mkdir -p "$geo"
install -m 644 world-atlas/countries-50m.json "$geo/countries-50m.json"
install -m 644 world-atlas/LICENSE "$geo/world-atlas.LICENSE"

# Admin-1/admin-2 polygons: OCHA COD-AB for Syria and Iraq, Natural Earth admin-1 elsewhere in MENA,
# with the properties the map shows, as one quantised TopoJSON (shared borders stored once).
npm install --silent --no-audit --no-fund --no-save "topojson-server@$TOPOJSON_SERVER" \
  "topojson-client@$TOPOJSON_CLIENT" >/dev/null
cat > convert.js <<'JS'
const fs = require("fs");
const {topology} = require("topojson-server");
const {quantize} = require("topojson-client");
const [ochaPath, nePath, outPath] = process.argv.slice(2);
const read = (p) => JSON.parse(fs.readFileSync(p, "utf8"));
const collection = (features) => ({type: "FeatureCollection", features});
const ocha = read(ochaPath).features;
const level = (n) => collection(ocha.filter((f) => f.properties.admin_level === n).map((f) => {
  const p = f.properties;
  const props = n === 1
    ? {country: p.country, pcode: p.ADM1_PCODE, name_en: p.ADM1_EN, name_ar: p.ADM1_AR}
    : {country: p.country, pcode: p.ADM2_PCODE, name_en: p.ADM2_EN, name_ar: p.ADM2_AR, admin1: p.ADM1_EN};
  return {type: "Feature", properties: props, geometry: f.geometry};
}));
const ne = collection(read(nePath).features
  .filter((f) => !["SYR", "IRQ"].includes(f.properties.adm0_a3))
  .map((f) => ({type: "Feature", geometry: f.geometry, properties: {
    country: f.properties.adm0_a3, name_en: f.properties.name_en || f.properties.name,
    name_ar: f.properties.name_ar || null}})));
const topo = quantize(topology({ocha_adm1: level(1), ocha_adm2: level(2), ne_adm1: ne}), 1e5);
fs.writeFileSync(outPath, JSON.stringify(topo));
JS
node convert.js "$ocha" "$ne" "$geo/admin.topo.json"

ls -l "$vendor"/*/* "$geo"/*
du -sh "$static"
