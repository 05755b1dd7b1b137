// Dashboard: the attacks-per-month chart and "since your last visit", kept in localStorage.
"use strict";

(function () {
  const KEY = "mosaic.lastVisit";

  async function drawChart() {
    const canvas = document.getElementById("attacks-chart");
    if (!canvas || !window.Chart) return;
    const data = await Mosaic.getJSON("/api/stats/events?by=month,group&type=attack&groups=7");
    const rows = data.rows.filter((r) => r.month);
    if (!rows.length) {
      document.getElementById("chart-empty").hidden = false;
      canvas.parentElement.hidden = true;
      return;
    }
    const totals = new Map();
    for (const r of rows) {
      if (r.group !== "other") totals.set(r.group_name, (totals.get(r.group_name) || 0) + r.count);
    }
    const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 7).map((e) => e[0]);
    const months = [...new Set(rows.map((r) => r.month))].sort();
    const series = new Map([...top, "other groups"].map((g) => [g, months.map(() => 0)]));
    for (const r of rows) {
      const name = top.includes(r.group_name) ? r.group_name : "other groups";
      series.get(name)[months.indexOf(r.month)] += r.count;
    }
    const datasets = [...series.entries()]
      .filter(([, counts]) => counts.some((n) => n > 0))
      .map(([name, counts], i) => ({ label: name, data: counts, backgroundColor: Mosaic.colourFor(name, i), stack: "all" }));
    new Chart(canvas, {
      type: "bar",
      data: { labels: months, datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  function sinceLastVisit() {
    const box = document.getElementById("since-last-visit");
    const counts = JSON.parse(document.getElementById("counts").dataset.counts);
    const reports = [...document.querySelectorAll("#latest-reports [data-report-id]")];
    const now = { at: new Date().toISOString(), counts, reports: reports.map((li) => li.dataset.reportId) };
    let before = null;
    try { before = JSON.parse(localStorage.getItem(KEY)); } catch (e) { before = null; }
    localStorage.setItem(KEY, JSON.stringify(now));
    if (!before || !before.counts) return;
    const list = document.getElementById("since-changes");
    for (const what of ["reports", "events", "relations", "organizations", "people", "statements"]) {
      const change = (counts[what] || 0) - (before.counts[what] || 0);
      if (change) list.append(Mosaic.el("li", {}, `${change > 0 ? "+" : ""}${change} ${what}`));
    }
    for (const li of reports) {
      if (!before.reports.includes(li.dataset.reportId)) li.classList.add("new");
    }
    if (!list.children.length) list.append(Mosaic.el("li", { class: "muted" }, "Nothing new."));
    document.getElementById("last-visit-when").textContent = `(${new Date(before.at).toLocaleString()})`;
    box.hidden = false;
  }

  sinceLastVisit();
  drawChart().catch((error) => {
    document.getElementById("chart-empty").textContent = `Chart unavailable: ${error.message}`;
    document.getElementById("chart-empty").hidden = false;
  });
})();
