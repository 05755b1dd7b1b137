// Copy the browser libraries Mosaic's web app uses from node_modules into the
// Python package, and turn Natural Earth's 110m country outlines (TopoJSON from
// world-atlas) into the GeoJSON basemap. Run by `make vendor` after `npm ci`.
// Everything lands in src/mosaic/web/static/vendor/, so the app needs no network.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "src", "mosaic", "web", "static", "vendor");

// [package, file inside the package, name under vendor/]
const files = [
  ["leaflet", "dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet", "dist/leaflet.css", "leaflet/leaflet.css"],
  ["leaflet", "LICENSE", "leaflet/LICENSE"],
  ...["layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"].map(
    (name) => ["leaflet", `dist/images/${name}`, `leaflet/images/${name}`],
  ),
  ["leaflet.markercluster", "dist/leaflet.markercluster.js", "leaflet.markercluster/leaflet.markercluster.js"],
  ["leaflet.markercluster", "dist/MarkerCluster.css", "leaflet.markercluster/MarkerCluster.css"],
  ["leaflet.markercluster", "dist/MarkerCluster.Default.css", "leaflet.markercluster/MarkerCluster.Default.css"],
  ["leaflet.markercluster", "MIT-LICENCE.txt", "leaflet.markercluster/LICENSE"],
  ["chart.js", "dist/chart.umd.min.js", "chart.js/chart.umd.min.js"],
  ["chart.js", "LICENSE.md", "chart.js/LICENSE.md"],
  ["cytoscape", "dist/cytoscape.min.js", "cytoscape/cytoscape.min.js"],
  ["cytoscape", "LICENSE", "cytoscape/LICENSE"],
  ["world-atlas", "LICENSE", "world-atlas/LICENSE"],
  ["swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"],
  ["swagger-ui-dist", "swagger-ui-bundle.js.LICENSE.txt", "swagger-ui/swagger-ui-bundle.js.LICENSE.txt"],
  ["swagger-ui-dist", "swagger-ui.css", "swagger-ui/swagger-ui.css"],
  ["swagger-ui-dist", "LICENSE", "swagger-ui/LICENSE"],
  ["swagger-ui-dist", "NOTICE", "swagger-ui/NOTICE"],
];

function copy([pkg, from, to]) {
  const target = join(vendor, to);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(modules, pkg, from), target);
}

// Round coordinates to 0.01 degree (about 1 km): plenty at 110m scale, and it
// keeps the shipped file small.
function rounded(value) {
  if (Array.isArray(value)) return value.map(rounded);
  return Math.round(value * 100) / 100;
}

function basemap() {
  const topology = JSON.parse(readFileSync(join(modules, "world-atlas", "countries-110m.json"), "utf8"));
  const countries = feature(topology, topology.objects.countries);
  for (const item of countries.features) {
    item.geometry.coordinates = rounded(item.geometry.coordinates);
    item.properties = { name: item.properties.name, id: item.id ?? null };
    delete item.id;
  }
  const target = join(vendor, "world-atlas", "countries-110m.geojson");
  writeFileSync(target, JSON.stringify(countries));
}

files.forEach(copy);
basemap();
console.log(`vendored ${files.length} files and the basemap into ${vendor}`);
