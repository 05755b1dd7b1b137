// Helpers every page uses. No framework: pages are rendered on the server and
// these scripts only fetch JSON from /api and draw it.
"use strict";

const Mosaic = {
  async getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || `${response.status} ${response.statusText}`);
    return data;
  },

  // The page's CSRF token: the API refuses a write riding on a session cookie without it.
  csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  },

  async postJSON(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRF-Token": Mosaic.csrfToken(),
      },
      body: JSON.stringify(body || {}),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || `${response.status} ${response.statusText}`);
    return data;
  },

  // An element with attributes and children (strings become text nodes, never HTML).
  el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  },

  // A stable colour for a name, so a group keeps its colour across pages.
  palette: ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
            "#17becf", "#bcbd22", "#7f7f7f"],
  colourFor(name, index) {
    if (index !== undefined) return Mosaic.palette[index % Mosaic.palette.length];
    let hash = 0;
    for (const ch of String(name)) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return Mosaic.palette[hash % Mosaic.palette.length];
  },

  // A swatch of colour: set through the style object, which the page's policy allows
  // (a style attribute would need 'unsafe-inline').
  swatch(colour) {
    const node = Mosaic.el("span", { class: "swatch" });
    node.style.background = colour;
    return node;
  },

  debounce(fn, ms) {
    let timer = null;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  },
};
window.Mosaic = Mosaic;

// Elements placed on a scale (the genealogy's bars and years) carry their position
// as data-left and data-width, in percent.
for (const node of document.querySelectorAll("[data-left]")) {
  node.style.left = `${node.dataset.left}%`;
  if (node.dataset.width) node.style.width = `${node.dataset.width}%`;
}
