// Network: groups and people joined by the relations standing on the slider's date.
"use strict";

(function () {
  const slider = document.getElementById("as-of");
  const label = document.getElementById("as-of-label");
  const status = document.getElementById("network-status");
  const box = document.getElementById("network");
  const evidence = document.getElementById("edge-evidence");
  const edgeList = document.getElementById("edge-list");
  const firstYear = Number(slider.dataset.firstYear);
  const colours = { organization: "#1f77b4", person: "#ff7f0e", place: "#2ca02c", other: "#7f7f7f" };
  const cy = cytoscape({
    container: box,
    style: [
      { selector: "node", style: { label: "data(name)", "font-size": 11, "background-color": "data(colour)",
        "text-valign": "bottom", "text-margin-y": 4, width: 22, height: 22, "min-zoomed-font-size": 7 } },
      { selector: "node[kind = 'person']", style: { shape: "round-rectangle" } },
      { selector: "edge", style: { width: 2, "line-color": "#999", "target-arrow-color": "#999",
        "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 9,
        "text-rotation": "autorotate", color: "#555" } },
      { selector: "edge[type = 'rivalry']", style: { "line-color": "#d62728", "line-style": "dashed" } },
      { selector: "edge[type = 'alliance']", style: { "line-color": "#2ca02c", "target-arrow-shape": "none" } },
      { selector: "edge[type = 'split_from']", style: { "line-color": "#9467bd" } },
      { selector: "edge.quiet", style: { label: "", width: 1, opacity: 0.35, "curve-style": "haystack" } },
      { selector: ":selected", style: { "line-color": "#000", "target-arrow-color": "#000", width: 4 } },
    ],
    wheelSensitivity: 0.3,
    hideEdgesOnViewport: true,
    textureOnViewport: true,
  });

  function dateAt(position) {
    const year = firstYear + Math.floor(position / 12);
    const month = (position % 12) + 1;
    return `${year}-${String(month).padStart(2, "0")}-01`;
  }

  function elements(data) {
    const nodes = data.nodes.map((n) => ({ group: "nodes",
      data: { id: n.id, name: n.name, kind: n.kind, colour: colours[n.kind] || colours.other } }));
    const edges = data.edges.map((e) => ({ group: "edges",
      data: { id: e.id, source: e.source, target: e.target, type: e.type, label: e.type.replace(/_/g, " "),
              start: e.start, end: e.end, statements: e.statement_ids.length } }));
    return nodes.concat(edges);
  }

  // Force-directed for what a person can read; past BIG nodes cose costs seconds per
  // redraw, so the nodes go in rings by degree (the most connected in the middle).
  const BIG = 150;
  function layoutFor(size, first) {
    if (size > BIG) {
      cy.edges().addClass("quiet");
      return { name: "concentric", animate: false, padding: 30, minNodeSpacing: 4,
               concentric: (node) => node.degree(), levelWidth: () => 4 };
    }
    cy.edges().removeClass("quiet");
    return { name: "cose", animate: false, randomize: first, padding: 40, componentSpacing: 80,
             nodeRepulsion: () => 400000, idealEdgeLength: () => 140, edgeElasticity: () => 80,
             nodeOverlap: 20, gravity: 1, numIter: 1500 };
  }

  // A new node starts beside a node it is joined to, so the layout only nudges the rest.
  function near(id, data) {
    const edge = data.edges.find((e) => e.source === id || e.target === id);
    const other = edge && cy.getElementById(edge.source === id ? edge.target : edge.source);
    const at = other && other.nonempty() ? other.position() : { x: 0, y: 0 };
    return { x: at.x + 60 * (Math.random() - 0.5), y: at.y + 60 * (Math.random() - 0.5) };
  }

  // Keep the nodes that stay where they are; lay out again only when something was added.
  function redraw(data) {
    const next = new Set(data.nodes.map((n) => n.id).concat(data.edges.map((e) => e.id)));
    cy.elements().filter((el) => !next.has(el.id())).remove();
    const first = cy.nodes().empty();
    const added = elements(data).filter((el) => cy.getElementById(el.data.id).empty());
    if (added.length) {
      cy.add(added.map((el) => el.group === "nodes" && !first ? { ...el, position: near(el.data.id, data) } : el));
      cy.layout(layoutFor(cy.nodes().length, first)).run();
      cy.fit(undefined, 50);
      if (cy.zoom() > 1.2) {
        cy.zoom(1.2);
        cy.center();
      }
    }
    box.dataset.edges = String(cy.edges().length);
    const names = new Map(data.nodes.map((n) => [n.id, n.name]));
    const LISTED = 200;
    edgeList.replaceChildren(...data.edges.slice(0, LISTED).map((e) => Mosaic.el("li", { "data-edge": e.id },
      Mosaic.el("a", { href: `/relations/${e.id}` },
        `${names.get(e.source)} ${e.type.replace(/_/g, " ")} ${names.get(e.target)}`),
      Mosaic.el("span", { class: "muted" }, ` ${e.start || "?"} – ${e.end || ""}`))));
    if (data.edges.length > LISTED) {
      edgeList.append(Mosaic.el("li", { class: "muted" }, `… and ${data.edges.length - LISTED} more`));
    }
    if (!data.edges.length) edgeList.append(Mosaic.el("li", { class: "muted" }, "No relation stood on this date."));
    status.textContent = `${data.nodes.length} nodes, ${data.edges.length} edges`;
  }

  async function load(position) {
    const day = dateAt(position);
    label.textContent = day;
    history.replaceState(null, "", `/network?as_of=${day}`);
    try {
      redraw(await Mosaic.getJSON(`/api/network?as_of=${day}`));
    } catch (error) {
      status.textContent = error.message;
    }
  }

  async function showEvidence(edge) {
    evidence.classList.remove("muted");
    evidence.replaceChildren(Mosaic.el("p", {}, "loading…"));
    const data = await Mosaic.getJSON(`/api/evidence/${encodeURIComponent(edge.id())}`);
    const seen = new Set();
    const items = data.evidence.filter((row) => {
      const key = `${row.report.id}:${row.sentence}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }).map((row) => Mosaic.el("blockquote", { class: `evidence status-${row.status}` }, `“${row.sentence}”`,
      Mosaic.el("footer", {}, Mosaic.el("a", { href: `/reports/${row.report.id}` },
        `${row.report.publisher || ""} ${row.report.published || ""}: ${row.report.title || row.report.id}`))));
    const title = Mosaic.el("p", {}, Mosaic.el("a", { href: `/relations/${edge.id()}` },
      `${edge.source().data("name")} ${edge.data("label")} ${edge.target().data("name")}`),
      ` (${edge.data("start") || "?"} – ${edge.data("end") || ""})`);
    evidence.replaceChildren(title, ...(items.length ? items : [Mosaic.el("p", { class: "muted" }, "No sentence states it.")]));
  }

  window.mosaicNetwork = cy; // for the browser tests and the console
  cy.on("tap", "edge", (event) => showEvidence(event.target).catch((e) => { evidence.textContent = e.message; }));
  cy.on("tap", "node", (event) => { window.location.href = `/entities/${event.target.id()}`; });
  slider.addEventListener("input", Mosaic.debounce(() => load(Number(slider.value)), 120));
  load(Number(slider.value));
})();
