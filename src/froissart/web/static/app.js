// Froissart dashboard: plain JavaScript and SVG, no library, no network beyond this server.
"use strict";

const STRINGS = {
  fr: {
    actor: "Acteur", source: "Source", target: "Cible", cameo: "CAMEO", quad: "QuadClass",
    all: "toutes", q1: "coopération verbale", q2: "coopération matérielle",
    q3: "conflit verbal", q4: "conflit matériel", since: "Depuis", until: "Jusqu'au",
    location: "Lieu", text: "Texte", period: "Période", day: "jour", week: "semaine",
    month: "mois", apply: "Filtrer", reset: "Effacer", events: "Événements", date: "Date",
    articles: "Articles", evidence: "Preuve", document: "Document",
    pick: "Cliquez un événement pour voir son article.", timeline: "Coopération et conflit",
    network: "Réseau des acteurs", map: "Carte", footer: "Carte : Natural Earth (domaine public).",
    of: "sur", none: "Aucun événement.", cooperation: "coopération", conflict: "conflit",
    goldstein: "Goldstein moyen", rule: "règle", confidence: "confiance", entries: "entrées",
    date_rule: "date", location_rule: "lieu", lexicon: "lexique", published: "publié le",
    documents: "documents", mentions: "mentions", noevents: "aucun",
  },
  en: {
    actor: "Actor", source: "Source", target: "Target", cameo: "CAMEO", quad: "QuadClass",
    all: "all", q1: "verbal cooperation", q2: "material cooperation", q3: "verbal conflict",
    q4: "material conflict", since: "Since", until: "Until", location: "Place", text: "Text",
    period: "Period", day: "day", week: "week", month: "month", apply: "Filter",
    reset: "Clear", events: "Events", date: "Date", articles: "Articles",
    evidence: "Evidence", document: "Document", pick: "Click an event to see its article.",
    timeline: "Cooperation and conflict", network: "Actor network", map: "Map",
    footer: "Map: Natural Earth (public domain).", of: "of", none: "No events.",
    cooperation: "cooperation", conflict: "conflict", goldstein: "mean Goldstein",
    rule: "rule", confidence: "confidence", entries: "entries", date_rule: "date",
    location_rule: "place", lexicon: "lexicon", published: "published",
    documents: "documents", mentions: "mentions", noevents: "none",
  },
};
const SVGNS = "http://www.w3.org/2000/svg";
const PAGE = 25;
const state = {
  lang: (localStorage.getItem("froissart.lang") ||
         (navigator.language || "fr").slice(0, 2)) === "en" ? "en" : "fr",
  offset: 0, total: 0, selected: null, world: null,
};
const $ = (sel) => document.querySelector(sel);
const t = (key) => STRINGS[state.lang][key] || key;

function el(tag, attrs = {}, text = null, ns = null) {
  const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null && text !== undefined) node.textContent = String(text);
  return node;
}
const svgEl = (tag, attrs = {}, text = null) => el(tag, attrs, text, SVGNS);

function applyStrings() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  $("#lang").textContent = state.lang === "fr" ? "EN" : "FR";
}

function filterParams() {
  const params = new URLSearchParams();
  const form = new FormData($("#filters"));
  for (const [k, v] of form.entries()) {
    if (k !== "period" && String(v).trim() !== "") params.set(k, String(v).trim());
  }
  return params;
}

async function api(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) {
    const d = body.detail;
    const msg = Array.isArray(d) ? d.map((e) => `${(e.loc || []).slice(-1)[0]}: ${e.msg}`).join("; ")
      : d;
    throw new Error(msg || res.statusText);
  }
  return body;
}

function showError(err) {
  const p = $("#error");
  p.hidden = !err;
  p.textContent = err ? String(err.message || err) : "";
}

// -- events table -------------------------------------------------------------------------
async function loadEvents() {
  const params = filterParams();
  params.set("limit", PAGE);
  params.set("offset", state.offset);
  const page = await api("/api/events", params);
  state.total = page.total;
  const body = $("#events tbody");
  body.replaceChildren();
  if (!page.items.length) {
    const tr = el("tr");
    tr.append(el("td", { colspan: 7 }, t("none")));
    body.append(tr);
  }
  for (const ev of page.items) {
    const tr = el("tr", { "data-id": ev.id, title: ev.evidence || "" });
    tr.append(el("td", {}, ev.day || ev.date || ""), el("td", {}, ev.source_code || ""),
      el("td", { title: `QuadClass ${ev.quad_class}, Goldstein ${ev.goldstein}` }, ev.cameo),
      el("td", {}, ev.target_code || ""), el("td", {}, ev.location_name || ""),
      el("td", {}, ev.n_articles), el("td", { class: "evidence" }, ev.evidence || ""));
    if (ev.id === state.selected) tr.classList.add("selected");
    tr.addEventListener("click", () => selectEvent(ev.id));
    body.append(tr);
  }
  const end = Math.min(state.offset + PAGE, page.total);
  $("#range").textContent = page.total ? `${state.offset + 1}–${end} ${t("of")} ${page.total}` : "";
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = end >= page.total;
}

// -- document view --------------------------------------------------------------------------
function provenance(m) {
  return [
    `${m.source_code || "?"} ${m.cameo} ${m.target_code || "?"} — ${m.cameo_name || ""}`,
    `${t("rule")}: ${m.rule}`,
    `${t("entries")}: ${m.source_entry || "-"} / ${m.target_entry || "-"}`,
    `${t("date_rule")}: ${m.date || "-"} (${m.date_rule || "-"})`,
    `${t("location_rule")}: ${m.location_name || "-"} (${m.location_rule || "-"})`,
    `${t("confidence")}: ${m.confidence}`,
    `${t("lexicon")}: ${m.lexicon_version || "-"}`,
  ].join("\n");
}

function renderDocument(doc, activeIds) {
  const meta = $("#doc-meta");
  meta.removeAttribute("data-i18n");
  meta.textContent = [doc.title || doc.id, doc.source, doc.published && `${t("published")} ${doc.published}`]
    .filter(Boolean).join(" · ");
  const text = doc.text || "";
  const spans = doc.mentions.filter((m) => m.evidence_start != null && m.evidence_end > m.evidence_start);
  const cuts = new Set([0, text.length]);
  for (const m of spans) { cuts.add(m.evidence_start); cuts.add(m.evidence_end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const box = $("#doc-text");
  box.replaceChildren();
  let first = null;
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const covering = spans.filter((m) => m.evidence_start <= a && m.evidence_end >= b);
    if (!covering.length) { box.append(document.createTextNode(text.slice(a, b))); continue; }
    const active = covering.some((m) => activeIds.has(m.id));
    const mark = el("mark", { class: active ? "ev active" : "ev", "data-id": covering[0].id,
      "data-cluster": covering[0].cluster_id || "", title: covering.map(provenance).join("\n\n") },
    text.slice(a, b));
    if (active && !first) first = mark;
    box.append(mark);
  }
  if (first) first.scrollIntoView({ block: "nearest" });
}

async function selectEvent(id) {
  state.selected = id;
  document.querySelectorAll("#events tbody tr").forEach((tr) => {
    tr.classList.toggle("selected", tr.dataset.id === id);
  });
  try {
    const ev = await api(`/api/events/${encodeURIComponent(id)}`);
    const m = ev.mentions[0];
    if (!m) return;
    const doc = await api(`/api/documents/${encodeURIComponent(m.doc_id)}`);
    const active = new Set(ev.mentions.filter((x) => x.doc_id === m.doc_id).map((x) => x.id));
    renderDocument(doc, active);
  } catch (err) { showError(err); }
}

// -- timeline ---------------------------------------------------------------------------------
async function loadTimeline() {
  const params = filterParams();
  params.set("period", new FormData($("#filters")).get("period") || "month");
  const data = await api("/api/series", params);
  const svg = $("#timeline");
  svg.replaceChildren();
  const W = 600, H = 260, L = 40, R = 40, T = 20, B = 30, mid = T + (H - T - B) / 2;
  const items = data.items;
  if (!items.length) { svg.append(svgEl("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, t("none"))); return; }
  const maxN = Math.max(1, ...items.map((p) => Math.max(p.cooperation, p.conflict)));
  const half = (H - T - B) / 2;
  const bw = Math.max(1, (W - L - R) / items.length);
  svg.append(svgEl("line", { x1: L, x2: W - R, y1: mid, y2: mid, stroke: "#999" }));
  svg.append(svgEl("text", { x: 2, y: T + 8 }, `+${maxN}`), svgEl("text", { x: 2, y: H - B }, `-${maxN}`));
  const gPts = [];
  items.forEach((p, k) => {
    const x = L + k * bw;
    const hc = (p.cooperation / maxN) * half, hk = (p.conflict / maxN) * half;
    const tip = `${p.period}\n${t("cooperation")}: ${p.cooperation}\n${t("conflict")}: ${p.conflict}\n${t("goldstein")}: ${p.mean_goldstein}`;
    const coop = svgEl("rect", { x: x + bw * 0.1, y: mid - hc, width: bw * 0.8, height: hc, fill: "#2a9d5b", class: "coop" });
    const conf = svgEl("rect", { x: x + bw * 0.1, y: mid, width: bw * 0.8, height: hk, fill: "#c8413b", class: "conflict" });
    coop.append(svgEl("title", {}, tip)); conf.append(svgEl("title", {}, tip));
    svg.append(coop, conf);
    gPts.push([x + bw / 2, mid - ((p.mean_goldstein || 0) / 10) * half]);
  });
  const d = gPts.map(([x, y], k) => `${k ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join("");
  svg.append(svgEl("path", { d, fill: "none", stroke: "#1f4e99", "stroke-width": 2, class: "goldstein" }));
  const step = Math.ceil(items.length / 6);
  items.forEach((p, k) => {
    if (k % step === 0) svg.append(svgEl("text", { x: L + k * bw, y: H - 10 }, p.period));
  });
  svg.append(svgEl("text", { x: W - R + 2, y: T + 8, fill: "#1f4e99" }, "G+10"),
    svgEl("text", { x: W - R + 2, y: H - B, fill: "#1f4e99" }, "G-10"));
  const legend = [[t("cooperation"), "#2a9d5b"], [t("conflict"), "#c8413b"], [t("goldstein"), "#1f4e99"]];
  legend.forEach(([label, color], k) => {
    svg.append(svgEl("rect", { x: L + k * 150, y: 4, width: 10, height: 10, fill: color }),
      svgEl("text", { x: L + k * 150 + 14, y: 13 }, label));
  });
}

// -- network ------------------------------------------------------------------------------------
async function loadNetwork() {
  const params = filterParams();
  params.set("limit", 80);
  const data = await api("/api/dyads", params);
  const svg = $("#network");
  svg.replaceChildren();
  const W = 600, H = 400;
  const nodes = new Map();
  for (const e of data.items) {
    for (const c of [e.source, e.target]) {
      if (!nodes.has(c)) nodes.set(c, { id: c, n: 0, x: 0, y: 0, vx: 0, vy: 0 });
      nodes.get(c).n += e.events;
    }
  }
  const list = [...nodes.values()];
  if (!list.length) { svg.append(svgEl("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, t("none"))); return; }
  list.forEach((n, k) => {  // deterministic start: a circle
    const a = (2 * Math.PI * k) / list.length;
    n.x = W / 2 + 150 * Math.cos(a); n.y = H / 2 + 130 * Math.sin(a);
  });
  for (let it = 0; it < 250; it++) {  // a small force layout
    for (const a of list) {
      for (const b of list) {
        if (a === b) continue;
        const dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(dx * dx + dy * dy, 25);
        a.vx += (dx / d2) * 60; a.vy += (dy / d2) * 60;
      }
      a.vx += (W / 2 - a.x) * 0.02; a.vy += (H / 2 - a.y) * 0.02;
    }
    for (const e of data.items) {
      const a = nodes.get(e.source), b = nodes.get(e.target);
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 1);
      const f = (d - 80) * 0.02;
      a.vx += (dx / d) * f; a.vy += (dy / d) * f; b.vx -= (dx / d) * f; b.vy -= (dy / d) * f;
    }
    for (const n of list) {
      n.x = Math.min(W - 20, Math.max(20, n.x + n.vx * 0.5));
      n.y = Math.min(H - 15, Math.max(15, n.y + n.vy * 0.5));
      n.vx *= 0.5; n.vy *= 0.5;
    }
  }
  const maxE = Math.max(1, ...data.items.map((e) => e.events));
  for (const e of data.items) {
    const a = nodes.get(e.source), b = nodes.get(e.target);
    const line = svgEl("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y,
      "stroke-width": 1 + 5 * (e.events / maxE),
      stroke: e.conflict > e.cooperation ? "#c8413b" : "#2a9d5b" });
    line.append(svgEl("title", {}, `${e.source} → ${e.target}: ${e.events} (${t("goldstein")} ${e.mean_goldstein})`));
    svg.append(line);
  }
  const maxN = Math.max(1, ...list.map((n) => n.n));
  for (const n of list) {
    const c = svgEl("circle", { cx: n.x, cy: n.y, r: 4 + 10 * Math.sqrt(n.n / maxN), fill: "#4a6fa5", class: "node" });
    c.append(svgEl("title", {}, `${n.id}: ${n.n}`));
    c.addEventListener("click", () => { $("#filters").elements.actor.value = n.id; refresh(true); });
    svg.append(c, svgEl("text", { x: n.x + 8, y: n.y - 6 }, n.id));
  }
}

// -- map ------------------------------------------------------------------------------------------
async function loadMap() {
  if (!state.world) {
    try { state.world = await api("/static/world.json"); } catch (_) { state.world = { countries: [] }; }
  }
  const params = filterParams();
  params.set("limit", 2000);
  const data = await api("/api/locations", params);
  const svg = $("#map");
  svg.replaceChildren();
  const grat = [];
  for (let lon = -180; lon <= 180; lon += 30) grat.push(`M${lon + 180},0V180`);
  for (let lat = -60; lat <= 60; lat += 30) grat.push(`M0,${90 - lat}H360`);
  svg.append(svgEl("path", { d: grat.join(""), class: "grat" }));
  for (const c of state.world.countries) {
    const p = svgEl("path", { d: c.d, class: "land" });
    p.append(svgEl("title", {}, c.name));
    svg.append(p);
  }
  const maxN = Math.max(1, ...data.items.map((p) => p.events));
  for (const p of data.items) {
    const share = p.events ? p.conflict / p.events : 0;
    const color = `rgb(${Math.round(42 + 158 * share)},${Math.round(157 - 92 * share)},${Math.round(91 - 32 * share)})`;
    const c = svgEl("circle", { cx: (p.lon + 180).toFixed(2), cy: (90 - p.lat).toFixed(2),
      r: (0.8 + 3.5 * Math.sqrt(p.events / maxN)).toFixed(2), fill: color, class: "place" });
    c.append(svgEl("title", {}, `${p.name} (${p.country}): ${p.events} — ${t("cooperation")} ${p.cooperation}, ${t("conflict")} ${p.conflict}`));
    c.addEventListener("click", () => { $("#filters").elements.location.value = p.name; refresh(true); });
    svg.append(c);
  }
}

async function loadStats() {
  const s = await api("/api/stats");
  $("#stats").textContent = `${s.counts.documents} ${t("documents")} · ${s.counts.mentions} ${t("mentions")} · ` +
    `${s.counts.events} ${t("events").toLowerCase()} · ${s.first_day || ""} – ${s.last_day || ""}`;
}

async function refresh(resetPage) {
  if (resetPage) state.offset = 0;
  showError(null);
  const jobs = [loadEvents(), loadTimeline(), loadNetwork(), loadMap(), loadStats()];
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) showError(failed.reason);
  document.body.dataset.ready = "1";
}

function init() {
  applyStrings();
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(true); });
  $("#filters").addEventListener("reset", () => setTimeout(() => refresh(true), 0));
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents().catch(showError); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; loadEvents().catch(showError); });
  $("#lang").addEventListener("click", () => {
    state.lang = state.lang === "fr" ? "en" : "fr";
    localStorage.setItem("froissart.lang", state.lang);
    applyStrings();
    refresh(false);
  });
  refresh(true);
}

document.addEventListener("DOMContentLoaded", init);
