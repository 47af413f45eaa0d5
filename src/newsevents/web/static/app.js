// newsevents web UI: keyboard keys, row selection, and the article view's highlighting.
// Plain DOM code; data is written with textContent only, never as HTML.
"use strict";

(function () {
  const GO_TO = { e: "/events", a: "/articles", m: "/map", t: "/timeline", n: "/network",
                  c: "/claims", l: "/clusters", r: "/actors", x: "/exports" };
  let waitingForGo = false;

  function typing(target) {
    return target && (target.isContentEditable ||
      ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));
  }

  // --- tables: j/k select a row, Enter opens it ------------------------------------------
  function rowTable() { return document.querySelector("table[data-rows-nav]"); }

  function rows() {
    const table = rowTable();
    return table ? Array.from(table.querySelectorAll("tbody tr[data-href]")) : [];
  }

  function selectRow(step) {
    const all = rows();
    if (!all.length) return false;
    let index = all.findIndex((r) => r.classList.contains("selected"));
    all.forEach((r) => { r.classList.remove("selected"); r.removeAttribute("aria-selected"); });
    index = index < 0 ? (step > 0 ? 0 : all.length - 1)
                      : Math.min(all.length - 1, Math.max(0, index + step));
    const row = all[index];
    row.classList.add("selected");
    row.setAttribute("aria-selected", "true");
    const link = row.querySelector("a");
    if (link) link.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
    return true;
  }

  // --- the article view: events and their evidence highlight each other ------------------
  function setActiveEvent(eventId, scroll) {
    document.querySelectorAll("mark.active, .event-card.active")
      .forEach((el) => el.classList.remove("active"));
    if (!eventId) return;
    const marks = Array.from(document.querySelectorAll("mark[data-events]"))
      .filter((m) => m.dataset.events.split(" ").includes(eventId));
    marks.forEach((m) => m.classList.add("active"));
    const card = document.getElementById("event-" + eventId);
    if (card) card.classList.add("active");
    if (scroll === "mark" && marks.length) marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
    if (scroll === "card" && card) card.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  function cards() { return Array.from(document.querySelectorAll(".event-card[data-event]")); }

  function stepEvent(step) {
    const all = cards();
    if (!all.length) return false;
    let index = all.findIndex((c) => c.classList.contains("active"));
    index = index < 0 ? (step > 0 ? 0 : all.length - 1)
                      : Math.min(all.length - 1, Math.max(0, index + step));
    all[index].focus({ preventScroll: true });
    setActiveEvent(all[index].dataset.event, "mark");
    all[index].scrollIntoView({ block: "nearest" });
    return true;
  }

  function wireArticle() {
    const list = document.getElementById("event-list");
    if (!list) return;
    cards().forEach((card) => {
      const id = card.dataset.event;
      card.addEventListener("mouseenter", () => setActiveEvent(id));
      card.addEventListener("focus", () => setActiveEvent(id));
      card.addEventListener("click", () => setActiveEvent(id, "mark"));
      card.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); setActiveEvent(id, "mark"); }
      });
    });
    document.querySelectorAll("mark[data-events]").forEach((mark) => {
      mark.addEventListener("click", () => {
        const first = mark.dataset.events.split(" ")[0];
        setActiveEvent(first, "card");
      });
    });
    const hash = decodeURIComponent(window.location.hash || "");
    if (hash.startsWith("#event-")) setActiveEvent(hash.slice(7), "mark");
  }

  // --- keys --------------------------------------------------------------------------------
  function onKey(ev) {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const help = document.getElementById("help");
    if (typing(ev.target)) {
      if (ev.key === "Escape") ev.target.blur();
      return;
    }
    if (waitingForGo) {
      waitingForGo = false;
      if (GO_TO[ev.key]) { window.location.href = GO_TO[ev.key]; ev.preventDefault(); }
      return;
    }
    switch (ev.key) {
      case "?":
        if (help && !help.open) help.showModal();
        ev.preventDefault();
        break;
      case "/": {
        const first = document.querySelector("main form input, main form select");
        if (first) { first.focus(); ev.preventDefault(); }
        break;
      }
      case "g":
        waitingForGo = true;
        break;
      case "j":
      case "k":
        if (selectRow(ev.key === "j" ? 1 : -1) || stepEvent(ev.key === "j" ? 1 : -1)) ev.preventDefault();
        break;
      case "Enter": {
        const row = document.querySelector("tr.selected[data-href]");
        if (row && !(ev.target && ev.target.closest && ev.target.closest("a"))) {
          window.location.href = row.dataset.href;
          ev.preventDefault();
        }
        break;
      }
      case "n":
      case "p": {
        const link = document.querySelector(`.pager a[data-key="${ev.key}"]`);
        if (link) { window.location.href = link.href; ev.preventDefault(); }
        break;
      }
      default:
        break;
    }
  }

  function wireRows() {
    rows().forEach((row) => {
      row.addEventListener("click", (ev) => {
        if (ev.target.closest("a")) return;
        window.location.href = row.dataset.href;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.addEventListener("keydown", onKey);
    wireRows();
    wireArticle();
  });
})();
