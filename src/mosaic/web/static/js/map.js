// Map: an offline basemap of country outlines, events as clustered points coloured by group or type.
"use strict";

(function () {
  const form = document.getElementById("map-filters");
  const status = document.getElementById("map-status");
  const legend = document.getElementById("legend");
  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([30, 60], 4);
  map.attributionControl.addAttribution("Outlines: Natural Earth (public domain)");
  let cluster = null;

  async function basemap() {
    const countries = await Mosaic.getJSON("/static/vendor/world-atlas/countries-110m.geojson");
    L.geoJSON(countries, {
      style: { color: "#8a8f98", weight: 0.7, fillColor: "#eef0f3", fillOpacity: 1 },
      onEachFeature: (feature, layer) => layer.bindTooltip(feature.properties.name, { sticky: true }),
    }).addTo(map);
  }

  function params() {
    const query = new URLSearchParams();
    for (const name of ["since", "until", "group"]) {
      const value = form.elements[name].value.trim();
      if (value) query.set(name, value);
    }
    return query;
  }

  async function draw() {
    status.textContent = "loading…";
    let data;
    try {
      data = await Mosaic.getJSON(`/api/map/events?${params()}`);
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    const by = form.elements.colour.value;
    // The nine commonest values get a colour each; the rest share grey, so colours stay telling.
    const counts = new Map();
    for (const f of data.features) counts.set(f.properties[by], (counts.get(f.properties[by]) || 0) + 1);
    const keys = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || String(a).localeCompare(b)).slice(0, 9);
    const colours = new Map(keys.map((k, i) => [k, Mosaic.colourFor(k, i)]));
    const others = counts.size - keys.length;
    if (cluster) map.removeLayer(cluster);
    cluster = L.markerClusterGroup({ maxClusterRadius: 40 });
    for (const f of data.features) {
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const marker = L.circleMarker([lat, lon], {
        radius: 7, color: "#222", weight: 1, fillColor: colours.get(p[by]) || "#9ca3af", fillOpacity: 0.9,
      });
      const popup = Mosaic.el("div", {},
        Mosaic.el("a", { href: `/events/${p.id}` }, `${p.type.replace(/_/g, " ")} in ${p.place}`),
        Mosaic.el("br"), `${p.date || "undated"} · ${p.group}`, p.killed ? ` · ${p.killed} killed` : "");
      marker.bindPopup(popup);
      cluster.addLayer(marker);
    }
    map.addLayer(cluster);
    legend.replaceChildren(...keys.map((k) =>
      Mosaic.el("li", {}, Mosaic.swatch(colours.get(k)), `${k} (${counts.get(k)})`)));
    if (others > 0) {
      legend.append(Mosaic.el("li", {}, Mosaic.swatch("#9ca3af"), `${others} others`));
    }
    status.textContent = `${data.features.length} placed events`;
    document.getElementById("map").dataset.points = String(data.features.length);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    history.replaceState(null, "", `/map?${params()}`);
    draw();
  });
  form.elements.colour.addEventListener("change", draw);
  basemap().catch((error) => { status.textContent = `basemap: ${error.message}`; }).then(draw);
})();
