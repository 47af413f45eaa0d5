// The actor network: a force layout computed once (deterministic start on a circle), nodes
// sized by events, directed links coloured by mean PLOVER score. Nodes are links to their
// events; focus or hover shows a node's neighbours; + / - / 0 and the buttons zoom.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const W = 960, H = 560;

  function el(name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // -10 (conflict, red) .. 0 (grey) .. +10 (cooperation, green)
  function scoreColour(score) {
    if (score === null || score === undefined) return "#9aa3ad";
    const t = Math.max(-1, Math.min(1, score / 7));
    const grey = [154, 163, 173], red = [179, 38, 30], green = [47, 125, 91];
    const end = t < 0 ? red : green, a = Math.abs(t);
    const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * a));
    return `rgb(${mix.join(",")})`;
  }

  function layout(nodes, edges) {
    const n = nodes.length;
    const index = new Map(nodes.map((d, i) => [d.id, i]));
    const pos = nodes.map((_, i) => {
      const angle = 2 * Math.PI * i / Math.max(1, n);
      return { x: (W - 100) / 2 + (W * 0.33) * Math.cos(angle), y: H / 2 + (H * 0.35) * Math.sin(angle) };
    });
    if (n < 3) return fit(pos);
    const links = edges.map((e) => [index.get(e.source), index.get(e.target), e.events])
      .filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
    const k = Math.sqrt((W * H) / n) * 0.75;
    let temperature = W / 8;
    for (let iter = 0; iter < 300; iter++) {
      const disp = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
          let dist = Math.hypot(dx, dy) || 0.01;
          const force = (k * k) / dist;
          dx /= dist; dy /= dist;
          disp[i].x += dx * force; disp[i].y += dy * force;
          disp[j].x -= dx * force; disp[j].y -= dy * force;
        }
      }
      links.forEach(([a, b, weight]) => {
        let dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
        const dist = Math.hypot(dx, dy) || 0.01;
        const force = (dist * dist) / k * Math.min(3, 1 + Math.log1p(weight) / 3);
        dx /= dist; dy /= dist;
        disp[a].x -= dx * force; disp[a].y -= dy * force;
        disp[b].x += dx * force; disp[b].y += dy * force;
      });
      for (let i = 0; i < n; i++) {
        // gravity keeps loose components on the canvas
        disp[i].x += ((W - 100) / 2 - pos[i].x) * 0.02 * k / 10;
        disp[i].y += (H / 2 - pos[i].y) * 0.02 * k / 10;
        const length = Math.hypot(disp[i].x, disp[i].y) || 0.01;
        pos[i].x += disp[i].x / length * Math.min(length, temperature);
        pos[i].y += disp[i].y / length * Math.min(length, temperature);
        pos[i].x = Math.max(40, Math.min(W - 140, pos[i].x));   // room for the label
        pos[i].y = Math.max(30, Math.min(H - 30, pos[i].y));
      }
      temperature *= 0.985;
    }
    return fit(pos);
  }

  // Scale the layout into the canvas, leaving room for labels (right) and the legend (bottom).
  function fit(pos) {
    const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const box = { left: 50, right: W - 150, top: 40, bottom: H - 70 };
    const scale = Math.min((box.right - box.left) / Math.max(1, x1 - x0), (box.bottom - box.top) / Math.max(1, y1 - y0));
    const dx = box.left + ((box.right - box.left) - (x1 - x0) * scale) / 2;
    const dy = box.top + ((box.bottom - box.top) - (y1 - y0) * scale) / 2;
    return pos.map((p) => ({ x: dx + (p.x - x0) * scale, y: dy + (p.y - y0) * scale }));
  }

  function draw(container, data) {
    const nodes = data.nodes, edges = data.edges;
    const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", tabindex: "0",
                            "aria-label": `Network of ${nodes.length} nodes and ${edges.length} links` });
    const defs = el("defs");
    [["conflict", "#b3261e"], ["neutral", "#9aa3ad"], ["cooperation", "#2f7d5b"]].forEach(([name, fill]) => {
      // fixed-size heads: a thick link must not grow a huge arrow
      const marker = el("marker", { id: "arrow-" + name, viewBox: "0 0 10 10", refX: "9", refY: "5",
                                    markerUnits: "userSpaceOnUse", markerWidth: "11", markerHeight: "11",
                                    orient: "auto-start-reverse" });
      marker.appendChild(el("path", { d: "M0,0L10,5L0,10z", fill }));
      defs.appendChild(marker);
    });
    svg.appendChild(defs);
    const pos = layout(nodes, edges);
    const index = new Map(nodes.map((d, i) => [d.id, i]));
    const most = Math.max(1, ...nodes.map((d) => d.events));
    const radius = nodes.map((d) => 5 + 22 * Math.sqrt(d.events / most));
    const mostEdge = Math.max(1, ...edges.map((e) => e.events));
    const edgeLayer = el("g"), nodeLayer = el("g");
    const edgeEls = [];
    edges.forEach((e) => {
      const a = index.get(e.source), b = index.get(e.target);
      if (a === undefined || b === undefined) return;
      const p = pos[a], q = pos[b];
      const dx = q.x - p.x, dy = q.y - p.y, dist = Math.hypot(dx, dy) || 1;
      // a gentle curve, so that A->B and B->A do not overlap; ends stop at the circles
      const nx = -dy / dist, ny = dx / dist, bend = Math.min(40, dist * 0.15);
      const sx = p.x + dx / dist * radius[a], sy = p.y + dy / dist * radius[a];
      const tx = q.x - dx / dist * (radius[b] + 3), ty = q.y - dy / dist * (radius[b] + 3);
      const cx = (sx + tx) / 2 + nx * bend, cy = (sy + ty) / 2 + ny * bend;
      const kind = e.score_mean === null || Math.abs(e.score_mean) < 1 ? "neutral" : e.score_mean < 0 ? "conflict" : "cooperation";
      const path = el("path", {
        d: a === b ? `M${p.x},${p.y - radius[a]}a12,12 0 1,1 1,0` : `M${sx.toFixed(1)},${sy.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`,
        class: "edge", stroke: scoreColour(e.score_mean),
        "stroke-width": (1 + 7 * Math.sqrt(e.events / mostEdge)).toFixed(1), "marker-end": `url(#arrow-${kind})` });
      path.dataset.source = e.source; path.dataset.target = e.target;
      path.appendChild(el("title", {}, `${nodes[a].label} → ${nodes[b].label}: ${e.events} event${e.events === 1 ? "" : "s"}, ` +
        `${e.cooperation} cooperation, ${e.conflict} conflict, mean score ${e.score_mean === null ? "—" : Number(e.score_mean).toFixed(1)}`));
      edgeLayer.appendChild(path);
      edgeEls.push(path);
    });

    const base = container.dataset.eventsUrl || "/events";
    const byName = container.dataset.node === "actor";
    nodes.forEach((d, i) => {
      const url = new URL(base, window.location.origin);
      url.searchParams.set("actor", byName ? d.label : d.id);
      const group = el("a", { href: url.pathname + url.search, class: "node",
                              "aria-label": `${d.label}: ${d.events} events, ${d.as_actor} as actor, ${d.as_recipient} as recipient` });
      group.dataset.id = d.id;
      group.appendChild(el("circle", { cx: pos[i].x.toFixed(1), cy: pos[i].y.toFixed(1), r: radius[i].toFixed(1),
                                       fill: d.as_actor >= d.as_recipient ? "#1f5fbf" : "#7a8899" }));
      group.appendChild(el("text", { x: (pos[i].x + radius[i] + 3).toFixed(1), y: (pos[i].y + 4).toFixed(1) }, d.label));
      group.appendChild(el("title", {}, group.getAttribute("aria-label")));
      const focus = () => {
        container.classList.add("focused");
        const near = new Set([d.id]);
        edgeEls.forEach((p) => {
          const hit = p.dataset.source === d.id || p.dataset.target === d.id;
          p.classList.toggle("near", hit);
          if (hit) { near.add(p.dataset.source); near.add(p.dataset.target); }
        });
        nodeLayer.querySelectorAll(".node").forEach((n) => n.classList.toggle("near", near.has(n.dataset.id)));
      };
      const blur = () => container.classList.remove("focused");
      group.addEventListener("mouseenter", focus);
      group.addEventListener("focus", focus);
      group.addEventListener("mouseleave", blur);
      group.addEventListener("blur", blur);
      nodeLayer.appendChild(group);
    });
    svg.append(edgeLayer, nodeLayer);
    container.insertBefore(svg, container.firstChild);

    const home = [0, 0, W, H];
    let view = home.slice();
    const apply = () => svg.setAttribute("viewBox", view.map((v) => v.toFixed(1)).join(" "));
    const zoom = (f) => {
      const w = Math.min(W, Math.max(W / 8, view[2] / f)), h = w * H / W;
      const cx = view[0] + view[2] / 2, cy = view[1] + view[3] / 2;
      view = [cx - w / 2, cy - h / 2, w, h];
      apply();
    };
    container.querySelectorAll("[data-zoom]").forEach((b) => b.addEventListener("click", () => {
      if (b.dataset.zoom === "reset") { view = home.slice(); apply(); } else zoom(b.dataset.zoom === "in" ? 1.4 : 1 / 1.4);
    }));
    svg.addEventListener("wheel", (ev) => { ev.preventDefault(); zoom(ev.deltaY < 0 ? 1.2 : 1 / 1.2); }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (ev) => { if (ev.target.closest("a")) return; drag = [ev.clientX, ev.clientY]; svg.setPointerCapture(ev.pointerId); });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const box = svg.getBoundingClientRect();
      view[0] -= (ev.clientX - drag[0]) / box.width * view[2];
      view[1] -= (ev.clientY - drag[1]) / box.height * view[3];
      drag = [ev.clientX, ev.clientY];
      apply();
    });
    svg.addEventListener("pointerup", () => { drag = null; });
    document.addEventListener("keydown", (ev) => {
      const t = ev.target;
      if (t && ["INPUT", "SELECT", "TEXTAREA"].includes(t.tagName)) return;
      if (ev.key === "+" || ev.key === "=") { zoom(1.4); ev.preventDefault(); }
      else if (ev.key === "-") { zoom(1 / 1.4); ev.preventDefault(); }
      else if (ev.key === "0") { view = home.slice(); apply(); ev.preventDefault(); }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const container = document.getElementById("network");
    const data = document.getElementById("network-data");
    if (!container || !data) return;
    const parsed = JSON.parse(data.textContent);
    if (!parsed.nodes.length) {
      const note = document.createElement("p");
      note.className = "empty";
      note.textContent = "No event with both an actor and a recipient matches these filters.";
      container.appendChild(note);
      return;
    }
    draw(container, parsed);
  });
})();
