// The map page: Natural Earth country shapes (bundled TopoJSON) in the Equal Earth
// projection, one circle per place, pan and zoom by mouse, buttons or keys.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 960;
  const TOP_LAT = 84, BOTTOM_LAT = -58;

  // Equal Earth (Šavrič, Patterson, Jenny 2018).
  const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;
  const SCALE = WIDTH / (2 * (Math.PI / (M * A1)));
  function project(lon, lat) {
    const lambda = lon * Math.PI / 180, phi = lat * Math.PI / 180;
    const theta = Math.asin(M * Math.sin(phi)), t2 = theta * theta, t6 = t2 * t2 * t2;
    const x = lambda * Math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
    const y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    return [WIDTH / 2 + x * SCALE, -y * SCALE];
  }
  const TOP = project(0, TOP_LAT)[1], BOTTOM = project(0, BOTTOM_LAT)[1];
  const HOME = [0, TOP, WIDTH, BOTTOM - TOP];

  function el(name, attrs) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  // TopoJSON: quantised, delta-encoded arcs shared between neighbouring shapes.
  function decodeArcs(topology) {
    const [sx, sy] = topology.transform.scale, [tx, ty] = topology.transform.translate;
    return topology.arcs.map((arc) => {
      let x = 0, y = 0;
      return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
    });
  }
  function ring(arcs, indexes) {
    const points = [];
    indexes.forEach((i, n) => {
      const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      arc.forEach((p, k) => { if (n === 0 || k > 0) points.push(p); });
    });
    return points;
  }
  function pathOf(arcs, geometry) {
    const polygons = geometry.type === "Polygon" ? [geometry.arcs]
      : geometry.type === "MultiPolygon" ? geometry.arcs : [];
    let d = "";
    polygons.forEach((polygon) => polygon.forEach((indexes) => {
      let previous = null;
      ring(arcs, indexes).forEach(([lon, lat], k) => {
        // Rings that cross the antimeridian continue past ±180; the sphere clips them.
        if (previous !== null) {
          while (lon - previous > 180) lon -= 360;
          while (lon - previous < -180) lon += 360;
        }
        previous = lon;
        const [x, y] = project(lon, Math.max(lat, BOTTOM_LAT - 2));
        d += (k ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1);
      });
      d += "Z";
    }));
    return d;
  }

  function outline() {
    const points = [];
    for (let lat = BOTTOM_LAT; lat <= TOP_LAT; lat += 2) points.push(project(-180, lat));
    for (let lon = -180; lon <= 180; lon += 5) points.push(project(lon, TOP_LAT));
    for (let lat = TOP_LAT; lat >= BOTTOM_LAT; lat -= 2) points.push(project(180, lat));
    for (let lon = 180; lon >= -180; lon -= 5) points.push(project(lon, BOTTOM_LAT));
    return points.map(([x, y], k) => (k ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1)).join("") + "Z";
  }

  function graticule(group) {
    for (let lon = -180; lon <= 180; lon += 30) {
      let d = "";
      for (let lat = BOTTOM_LAT; lat <= TOP_LAT; lat += 2) {
        const [x, y] = project(lon, lat);
        d += (lat === BOTTOM_LAT ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
      }
      group.appendChild(el("path", { d, class: "graticule" }));
    }
    for (let lat = -30; lat <= 60; lat += 30) {
      let d = "";
      for (let lon = -180; lon <= 180; lon += 3) {
        const [x, y] = project(lon, lat);
        d += (lon === -180 ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
      }
      group.appendChild(el("path", { d, class: "graticule" }));
    }
  }

  function draw(container, topology, places) {
    const svg = el("svg", { viewBox: HOME.join(" "), role: "img", tabindex: "0",
                            "aria-label": `Map of ${places.length} event places` });
    const defs = el("defs"), clip = el("clipPath", { id: "sphere-clip" });
    clip.appendChild(el("path", { d: outline() }));
    defs.appendChild(clip);
    svg.appendChild(defs);
    svg.appendChild(el("path", { d: outline(), class: "sphere" }));
    const base = el("g", { "clip-path": "url(#sphere-clip)" }), dots = el("g"), labels = el("g");
    graticule(base);
    const arcs = decodeArcs(topology);
    topology.objects.countries.geometries.forEach((g) => {
      if (g.id === "010") return;   // Antarctica: no news events, much space
      const shape = el("path", { d: pathOf(arcs, g), class: "country" });
      const title = el("title");
      title.textContent = (g.properties && g.properties.name) || "";
      shape.appendChild(title);
      base.appendChild(shape);
    });

    const base_url = container.dataset.eventsUrl || "/events";
    const most = Math.max(1, ...places.map((p) => p.events));
    const circles = [];
    places.slice().sort((a, b) => b.events - a.events).forEach((p, rank) => {
      const [x, y] = project(p.lon, p.lat);
      const url = new URL(base_url, window.location.origin);
      url.searchParams.set("place", p.name);
      const link = el("a", { href: url.pathname + url.search });
      const r = 3 + 13 * Math.sqrt(p.events / most);
      const circle = el("circle", { cx: x.toFixed(2), cy: y.toFixed(2), r, class: "place" });
      circle.dataset.r = r;
      const title = el("title");
      title.textContent = `${p.name}${p.country ? " (" + p.country + ")" : ""}: ` +
        `${p.events} event${p.events === 1 ? "" : "s"} · ${(p.types || []).join(", ")}`;
      link.setAttribute("aria-label", title.textContent);
      link.appendChild(circle);
      link.appendChild(title);
      dots.appendChild(link);
      circles.push(circle);
      if (rank < 12) {
        const label = el("text", { x: (x + r + 2).toFixed(1), y: (y + 4).toFixed(1), class: "place-label" });
        label.dataset.x = x; label.dataset.y = y; label.dataset.r = r;
        label.textContent = p.name;
        labels.appendChild(label);
      }
    });
    svg.append(base, dots, labels);
    container.insertBefore(svg, container.firstChild);

    let view = HOME.slice();
    function apply() {
      svg.setAttribute("viewBox", view.map((v) => v.toFixed(2)).join(" "));
      const k = view[2] / HOME[2];
      circles.forEach((c) => c.setAttribute("r", (c.dataset.r * Math.sqrt(k)).toFixed(2)));
      labels.querySelectorAll("text").forEach((t) => {
        const r = t.dataset.r * Math.sqrt(k);
        t.setAttribute("x", (+t.dataset.x + r + 2 * k).toFixed(2));
        t.setAttribute("y", (+t.dataset.y + 4 * k).toFixed(2));
        t.setAttribute("font-size", (11 * k).toFixed(2));
        t.setAttribute("stroke-width", (3 * k).toFixed(2));
      });
      declutter();
    }
    // Labels come biggest place first; one that would overlap an earlier one is hidden.
    function declutter() {
      const placed = [];
      labels.querySelectorAll("text").forEach((t) => {
        t.removeAttribute("visibility");
        const b = t.getBBox();
        if (placed.some((p) => b.x < p.x + p.width && p.x < b.x + b.width &&
                               b.y < p.y + p.height && p.y < b.y + b.height)) {
          t.setAttribute("visibility", "hidden");
        } else {
          placed.push(b);
        }
      });
    }
    function zoom(factor, cx, cy) {
      const w = Math.min(HOME[2], Math.max(HOME[2] / 40, view[2] / factor));
      const h = w * HOME[3] / HOME[2];
      cx = cx === undefined ? view[0] + view[2] / 2 : cx;
      cy = cy === undefined ? view[1] + view[3] / 2 : cy;
      const fx = (cx - view[0]) / view[2], fy = (cy - view[1]) / view[3];
      view = clamp([cx - fx * w, cy - fy * h, w, h]);
      apply();
    }
    function clamp(v) {
      v[0] = Math.min(HOME[0] + HOME[2] - v[2], Math.max(HOME[0], v[0]));
      v[1] = Math.min(HOME[1] + HOME[3] - v[3], Math.max(HOME[1], v[1]));
      return v;
    }
    function pan(dx, dy) { view = clamp([view[0] + dx, view[1] + dy, view[2], view[3]]); apply(); }
    function toMap(ev) {
      const box = svg.getBoundingClientRect();
      return [view[0] + (ev.clientX - box.left) / box.width * view[2],
              view[1] + (ev.clientY - box.top) / box.height * view[3]];
    }

    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const [x, y] = toMap(ev);
      zoom(ev.deltaY < 0 ? 1.25 : 0.8, x, y);
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest("a")) return;
      drag = { x: ev.clientX, y: ev.clientY };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const box = svg.getBoundingClientRect();
      pan(-(ev.clientX - drag.x) / box.width * view[2], -(ev.clientY - drag.y) / box.height * view[3]);
      drag = { x: ev.clientX, y: ev.clientY };
    });
    svg.addEventListener("pointerup", () => { drag = null; });
    container.querySelectorAll("[data-zoom]").forEach((button) => {
      button.addEventListener("click", () => {
        const how = button.dataset.zoom;
        if (how === "reset") { view = HOME.slice(); apply(); } else zoom(how === "in" ? 1.5 : 1 / 1.5);
      });
    });
    document.addEventListener("keydown", (ev) => {
      const t = ev.target;
      if (t && ["INPUT", "SELECT", "TEXTAREA"].includes(t.tagName)) return;
      const step = view[2] / 10;
      const keys = { "+": () => zoom(1.5), "=": () => zoom(1.5), "-": () => zoom(1 / 1.5),
                     "0": () => { view = HOME.slice(); apply(); } };
      const arrows = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      if (keys[ev.key]) { keys[ev.key](); ev.preventDefault(); }
      else if (arrows[ev.key] && t === svg) { pan(...arrows[ev.key]); ev.preventDefault(); }
    });
    apply();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const container = document.getElementById("map");
    const data = document.getElementById("map-data");
    if (!container || !data) return;
    const places = JSON.parse(data.textContent);
    fetch("/static/vendor/world-atlas/countries-110m.json")
      .then((r) => { if (!r.ok) throw new Error("base map: " + r.status); return r.json(); })
      .then((topology) => draw(container, topology, places))
      .catch((error) => {
        const note = document.createElement("p");
        note.className = "notice error";
        note.textContent = "The base map could not be loaded: " + error.message;
        container.appendChild(note);
      });
  });
})();
