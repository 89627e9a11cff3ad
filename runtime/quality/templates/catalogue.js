// TRON catalogue: the index's cards (from data.js) and an environment page's controls.
// Plain JS, no framework; every spec string reaches the page through textContent.
"use strict";
(function () {
  function el(tag, cls, text) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function indexPage() {
    const data = window.TRON_CATALOGUE || { envs: [] };
    const envs = data.envs;
    const $ = id => document.getElementById(id);
    const q = $("q"), bucket = $("bucket"), tag = $("tag"), kind = $("kind"), sort = $("sort");

    function fill(select, counts) {
      Object.keys(counts).sort((a, b) => counts[b] - counts[a] || (a < b ? -1 : 1)).forEach(k => {
        const o = el("option", "", k + " (" + counts[k] + ")");
        o.value = k;
        select.appendChild(o);
      });
    }
    const count = key => {
      const c = {};
      envs.forEach(e => [].concat(e[key]).forEach(v => { c[v] = (c[v] || 0) + 1; }));
      return c;
    };
    fill(bucket, count("bucket"));
    fill(tag, count("tags"));
    fill(kind, count("answer_kind"));

    function setTag(t) { tag.value = t; update(); tag.focus(); }

    // Each card is built once; filtering re-orders and hides, never rebuilds.
    const cards = new Map();
    envs.forEach(e => {
      const li = el("li", "card");
      li.dataset.id = e.id;
      const a = el("a", "open");
      a.href = "env/" + e.file + ".html";
      const img = el("img");
      img.src = e.thumb; img.alt = ""; img.width = 160; img.height = 160;
      img.loading = "lazy"; img.decoding = "async";
      if (e.thumb) a.appendChild(img);
      a.appendChild(el("div", "title", e.title));
      a.appendChild(el("code", "", e.id));
      li.appendChild(a);
      const chips = el("div", "chips");
      chips.appendChild(el("span", "chip b", e.bucket));
      chips.appendChild(el("span", "chip k", e.answer_kind));
      e.tags.forEach(t => {
        const b = el("button", "chip", t);
        b.type = "button";
        b.title = "show environments tagged " + t;
        b.addEventListener("click", () => setTag(t));
        chips.appendChild(b);
      });
      if (e.gate) chips.appendChild(el("span", "chip " + e.gate, "gate " + e.gate));
      li.appendChild(chips);
      e._text = [e.id, e.title, e.description, e.bucket, e.answer_kind].concat(e.tags).join(" ").toLowerCase();
      cards.set(e.id, li);
    });

    const orders = {
      id: (a, b) => (a.id < b.id ? -1 : 1),
      title: (a, b) => a.title.localeCompare(b.title) || orders.id(a, b),
      bucket: (a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : orders.id(a, b)),
      answer_kind: (a, b) => (a.answer_kind < b.answer_kind ? -1 : a.answer_kind > b.answer_kind ? 1 : orders.id(a, b)),
      growth: (a, b) => (b.growth || 0) - (a.growth || 0) || orders.id(a, b),
      gate: (a, b) => (a.gate === "fail" ? 0 : 1) - (b.gate === "fail" ? 0 : 1) || orders.id(a, b),
    };

    function state() {
      const s = { q: q.value, bucket: bucket.value, tag: tag.value, kind: kind.value, sort: sort.value };
      return Object.keys(s).filter(k => s[k] && !(k === "sort" && s[k] === "id"))
        .map(k => k + "=" + encodeURIComponent(s[k])).join("&");
    }

    function update() {
      const words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
      const shown = envs.filter(e =>
        (!bucket.value || e.bucket === bucket.value) &&
        (!tag.value || e.tags.indexOf(tag.value) >= 0) &&
        (!kind.value || e.answer_kind === kind.value) &&
        words.every(w => e._text.indexOf(w) >= 0)).sort(orders[sort.value] || orders.id);
      const list = $("cards"), frag = document.createDocumentFragment();
      shown.forEach(e => frag.appendChild(cards.get(e.id)));
      list.replaceChildren(frag);
      $("count").textContent = shown.length + " of " + envs.length + " environments";
      const h = state();
      if (("#" + h) !== location.hash && (h || location.hash)) history.replaceState(null, "", h ? "#" + h : location.pathname);
    }

    function fromHash() {
      const p = new URLSearchParams(location.hash.slice(1));
      q.value = p.get("q") || "";
      [[bucket, "bucket"], [tag, "tag"], [kind, "kind"], [sort, "sort"]].forEach(([s, k]) => {
        const v = p.get(k);
        s.value = v && [...s.options].some(o => o.value === v) ? v : s.options[0].value;
      });
      update();
    }

    q.addEventListener("input", update);
    [bucket, tag, kind, sort].forEach(s => s.addEventListener("change", update));
    $("reset").addEventListener("click", () => { location.hash = ""; fromHash(); q.focus(); });
    window.addEventListener("hashchange", fromHash);
    document.addEventListener("keydown", ev => {
      const typing = /^(INPUT|SELECT|TEXTAREA)$/.test((ev.target && ev.target.tagName) || "");
      if (ev.key === "/" && !typing) { ev.preventDefault(); q.focus(); q.select(); }
      if (ev.key === "Escape" && ev.target === q) { q.value = ""; update(); }
    });
    fromHash();
  }

  function envPage() {
    const buttons = [...document.querySelectorAll(".levels button")];
    const sections = [...document.querySelectorAll("section.level")];
    function show(level) {
      sections.forEach(s => { s.hidden = s.dataset.level !== level; });
      buttons.forEach(b => b.setAttribute("aria-pressed", String(b.dataset.level === level)));
    }
    buttons.forEach(b => {
      b.addEventListener("click", () => show(b.dataset.level));
      b.addEventListener("keydown", ev => {  // arrow keys move between levels
        const live = buttons.filter(x => !x.disabled);
        const i = live.indexOf(b) + (ev.key === "ArrowRight" ? 1 : ev.key === "ArrowLeft" ? -1 : 0);
        if (i !== live.indexOf(b) && live[i]) { ev.preventDefault(); live[i].focus(); live[i].click(); }
      });
    });
    document.querySelectorAll("button.reveal").forEach(b => {
      b.addEventListener("click", () => {
        const answer = b.nextElementSibling;
        const open = answer.hidden;
        answer.hidden = !open;
        b.setAttribute("aria-expanded", String(open));
        b.textContent = open ? "Hide answer" : "Show answer";
      });
    });
  }

  const page = document.body.dataset.page;
  if (page === "index") indexPage();
  if (page === "env") envPage();
})();
