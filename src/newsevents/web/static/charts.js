// Stacked bar charts in SVG for the timeline and the dyad history: one bar per period
// (gaps filled, so the time axis is true), one segment per series, a legend whose buttons
// hide and show series. Data comes from a JSON script element; text is set as text.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  // One colour per PLOVER type, in its quad's family: greens and teals cooperate, oranges
  // and reds conflict; quad names and anything else take the neutral palette.
  const COLORS = {
    AGREE: "#2f7d5b", CONSULT: "#5aa77f", SUPPORT: "#8cc9a5", CONCEDE: "#b9dfc8",
    COOPERATE: "#176b87", AID: "#3b94b5", RETREAT: "#86c2da", INVESTIGATE: "#b7dbe9",
    REQUEST: "#d08c2c", ACCUSE: "#b5651d", REJECT: "#e0a35f", THREATEN: "#8f4a12", SANCTION: "#f0c48e",
    PROTEST: "#e06a5f", MOBILIZE: "#c2413a", COERCE: "#8e1d17", ASSAULT: "#5c0f0b",
    "verbal cooperation": "#5aa77f", "material cooperation": "#176b87",
    "verbal conflict": "#e0a35f", "material conflict": "#b3261e",
  };
  const PALETTE = ["#1f5fbf", "#e08a00", "#6a3fa0", "#2f9e8f", "#c2185b", "#5b6472", "#8d6e3f",
                   "#3949ab", "#7cb342", "#d81b60"];

  function el(name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function parseDay(s) { const [y, m, d] = s.slice(0, 10).split("-").map(Number); return new Date(Date.UTC(y, m - 1, d)); }
  function iso(date) { return date.toISOString().slice(0, 10); }
  function step(date, interval) {
    const next = new Date(date.getTime());
    if (interval === "month") next.setUTCMonth(next.getUTCMonth() + 1);
    else next.setUTCDate(next.getUTCDate() + (interval === "week" ? 7 : 1));
    return next;
  }
  function periodEnd(start, interval) { const end = step(parseDay(start), interval); end.setUTCDate(end.getUTCDate() - 1); return iso(end); }
  function label(period, interval) {
    const d = parseDay(period);
    if (interval === "month") return d.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
    return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "2-digit", timeZone: "UTC" });
  }

  function periods(rows, interval) {
    const present = [...new Set(rows.map((r) => String(r.period).slice(0, 10)))].sort();
    if (!present.length) return [];
    const out = [];
    for (let d = parseDay(present[0]); iso(d) <= present[present.length - 1] && out.length < 1500; d = step(d, interval)) out.push(iso(d));
    return out.length >= 1500 ? present : out;
  }

  function niceMax(value) {
    if (value <= 5) return Math.max(1, value);
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= value) return m * power;
    return value;
  }

  function draw(box, rows, hidden) {
    box.querySelectorAll("svg, .chart-legend").forEach((n) => n.remove());
    if (!rows.length) return;
    const interval = box.dataset.interval || "month";
    const keyField = box.dataset.key || "key";
    const series = [...new Set(rows.map((r) => r[keyField]))].sort();
    const colour = (key, i) => COLORS[key] || PALETTE[i % PALETTE.length];
    const axis = periods(rows, interval);
    const cells = new Map();
    rows.forEach((r) => {
      if (hidden.has(r[keyField])) return;
      const k = String(r.period).slice(0, 10);
      if (!cells.has(k)) cells.set(k, []);
      cells.get(k).push(r);
    });
    const totals = axis.map((p) => (cells.get(p) || []).reduce((s, r) => s + r.events, 0));
    const top = niceMax(Math.max(1, ...totals));

    const width = Math.max(320, box.clientWidth || 800), height = 300;
    const m = { left: 44, right: 12, top: 12, bottom: 40 };
    const plotW = width - m.left - m.right, plotH = height - m.top - m.bottom;
    const svg = el("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img",
                            "aria-label": box.getAttribute("aria-label") || "chart" });
    const grid = el("g", { class: "grid" }), axes = el("g", { class: "axis" }), bars = el("g");
    const ticks = Math.min(5, top);   // counts: no fractional ticks
    for (let i = 0; i <= ticks; i++) {
      const value = top * i / ticks, y = m.top + plotH - plotH * i / ticks;
      grid.appendChild(el("line", { x1: m.left, x2: width - m.right, y1: y, y2: y }));
      axes.appendChild(el("text", { x: m.left - 6, y: y + 4, "text-anchor": "end" }, String(Math.round(value * 10) / 10)));
    }
    axes.appendChild(el("line", { x1: m.left, x2: width - m.right, y1: m.top + plotH, y2: m.top + plotH }));
    const slot = plotW / Math.max(1, axis.length), barW = Math.max(1, Math.min(48, slot * 0.78));
    const every = Math.max(1, Math.ceil(70 / slot));
    const eventsUrl = box.dataset.eventsUrl, seriesParam = box.dataset.seriesParam;
    axis.forEach((p, i) => {
      const x = m.left + slot * i + (slot - barW) / 2;
      let y = m.top + plotH;
      series.forEach((key, si) => {
        const row = (cells.get(p) || []).find((r) => r[keyField] === key);
        if (!row) return;
        const h = plotH * row.events / top;
        y -= h;
        const rect = el("rect", { x: x.toFixed(1), y: y.toFixed(1), width: barW.toFixed(1), height: Math.max(h, 0.5).toFixed(1),
                                  fill: colour(key, si), class: "bar" });
        const tip = `${label(p, interval)} · ${key}: ${row.events} event${row.events === 1 ? "" : "s"}` +
          (row.score_mean !== null && row.score_mean !== undefined ? ` · mean score ${Number(row.score_mean).toFixed(1)}` : "");
        rect.appendChild(el("title", {}, tip));
        if (eventsUrl) {
          const url = new URL(eventsUrl, window.location.origin);
          url.searchParams.set("since", p);
          url.searchParams.set("until", periodEnd(p, interval));
          if (seriesParam) url.searchParams.set(seriesParam, key);
          const link = el("a", { href: url.pathname + url.search, "aria-label": tip });
          link.appendChild(rect);
          bars.appendChild(link);
        } else {
          bars.appendChild(rect);
        }
      });
      if (i % every === 0) {
        axes.appendChild(el("text", { x: (m.left + slot * i + slot / 2).toFixed(1), y: height - m.bottom + 16, "text-anchor": "middle" }, label(p, interval)));
      }
    });
    svg.append(grid, bars, axes);
    box.appendChild(svg);

    const legend = document.createElement("ul");
    legend.className = "chart-legend";
    series.forEach((key, si) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.setAttribute("aria-pressed", hidden.has(key) ? "false" : "true");
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = colour(key, si);   // CSSOM, allowed by the page's CSP
      button.append(swatch, document.createTextNode(key));
      button.addEventListener("click", () => {
        if (hidden.has(key)) hidden.delete(key); else hidden.add(key);
        draw(box, rows, hidden);
        const again = [...box.querySelectorAll(".chart-legend button")].find((b) => b.textContent === key);
        if (again) again.focus();
      });
      item.appendChild(button);
      legend.appendChild(item);
    });
    box.appendChild(legend);
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-chart=stacked]").forEach((box) => {
      const source = document.getElementById(box.dataset.source);
      if (!source) return;
      const rows = JSON.parse(source.textContent);
      const hidden = new Set();
      draw(box, rows, hidden);
      let timer = null;
      window.addEventListener("resize", () => { clearTimeout(timer); timer = setTimeout(() => draw(box, rows, hidden), 150); });
    });
  });
})();
