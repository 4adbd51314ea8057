// Full-text search over the Pagefind index that `xxgk build` writes (generator/search_index.py).
// The query becomes the same ASCII tokens as the pages (generator/search_tokens.py: keep the two
// in step); Pagefind returns the pages holding every token; each candidate's real text, from its
// card (generator/search_cards.py), is then checked, so that only pages that contain exactly what
// was typed are shown. Results appear after each small batch of cards, best candidates first.
const FILTERS = ["region", "township", "year", "format"];
const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /[ \t\n\r\f\v\u00a0\u3000]+/g;
const PAGE = 20; // results shown per step
const EAGER = 60; // up to this many candidates are all checked at once, so the count is exact
const BATCH = 10; // cards fetched in parallel
const DELAY = 200; // ms of typing pause before searching

const form = document.getElementById("search-form");
const input = form.elements.q;
const statusLine = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");

const collapse = (s) => s.replace(SPACE, " ").trim();
const fold = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

function runs(text) {
  const found = [];
  let current = [];
  for (const ch of fold(text)) {
    if (WORD.test(ch)) current.push(ch);
    else if (current.length) { found.push(current); current = []; }
  }
  if (current.length) found.push(current);
  return found;
}

function code(ch) {
  let value = ch.codePointAt(0);
  let out = "";
  for (let i = 0; i < 4; i++) { out = DIGITS[value % 36] + out; value = Math.floor(value / 36); }
  return out;
}

// Pagefind matches each word as a prefix: "t" + one or two codes finds every triple that starts
// with them, that is every page holding those characters.
function queryTokens(query) {
  const tokens = new Set();
  for (const run of runs(query)) {
    if (run.length < 3) tokens.add("t" + run.map(code).join(""));
    for (let i = 2; i < run.length; i++) tokens.add("t" + code(run[i - 2]) + code(run[i - 1]) + code(run[i]));
  }
  return [...tokens].sort();
}

// A query of up to three letters/digits is answered by its tokens alone: no text check needed.
function exactByTokens(query) {
  const chars = [...query];
  return chars.length <= 3 && chars.every((c) => WORD.test(c));
}

let engine = null;
function pagefind() {
  engine ??= import(form.dataset.bundle).then(async (pf) => { await pf.init(); return pf; });
  return engine;
}

const cards = new Map();
function card(id) {
  if (!cards.has(id)) cards.set(id, fetch(form.dataset.cards + id + ".json.gz").then(readCard));
  return cards.get(id);
}

async function readCard(response) {
  if (!response.ok) throw new Error(`search card ${response.url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A server that sends the file with Content-Encoding: gzip has already unpacked it.
  const packed = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = packed
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text()
    : new TextDecoder().decode(bytes);
  return JSON.parse(text);
}

function readState() {
  const params = new URLSearchParams(location.search);
  const state = { q: params.get("q") || "", sort: params.get("sort") || "" };
  for (const name of FILTERS) state[name] = params.get(name) || "";
  return state;
}

function formState() {
  const state = { q: input.value, sort: form.elements.sort.value };
  for (const name of FILTERS) state[name] = form.elements[name].value;
  return state;
}

function showState(state) {
  input.value = state.q;
  form.elements.sort.value = state.sort;
  for (const name of FILTERS) form.elements[name].value = state[name];
}

function stateUrl(state) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (collapse(value)) params.set(key, collapse(value));
  const query = params.toString();
  return location.pathname + (query ? "?" + query : "");
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function highlight(text, query) {
  const at = fold(text).indexOf(fold(query));
  if (at < 0) return escapeHtml(text);
  const end = at + query.length;
  return escapeHtml(text.slice(0, at)) + "<mark>" + escapeHtml(text.slice(at, end)) + "</mark>" + escapeHtml(text.slice(end));
}

function excerpt(text, query) {
  const at = fold(text).indexOf(fold(query));
  const start = Math.max(0, at - 30);
  const end = Math.min(text.length, at + query.length + 70);
  return (start > 0 ? "…" : "") + highlight(text.slice(start, end), query) + (end < text.length ? "…" : "");
}

function resultItem(meta, query) {
  const facts = [meta.township || meta.region, meta.year && meta.year + "年度", meta.format].filter(Boolean);
  const item = document.createElement("li");
  item.className = "search-result";
  item.innerHTML =
    `<h2><a href="${escapeHtml(meta.url)}">${highlight(meta.title || meta.url, query)}</a></h2>` +
    (facts.length ? `<p class="result-meta">${facts.map(escapeHtml).join(" · ")}</p>` : "") +
    `<p class="excerpt">${excerpt(meta.text, query)}</p>`;
  return item;
}

// Title and township matches first; otherwise Pagefind's order (the title tokens weigh more).
function headingMatch(meta, query) {
  const q = fold(query);
  return [meta.title, meta.township, meta.region].some((v) => v && fold(v).includes(q));
}

class Run {
  constructor(query, state, candidates, exact) {
    Object.assign(this, { query, state, candidates, exact, next: 0, found: [], cancelled: false });
  }

  // Checks candidates in Pagefind's order until `limit` pages are found; shows each batch's finds.
  async check(limit) {
    while (this.next < this.candidates.length && this.found.length < limit && !this.cancelled) {
      const batch = this.candidates.slice(this.next, this.next + BATCH);
      this.next += batch.length;
      const metas = await Promise.all(batch.map((r) => card(r.id)));
      for (const meta of metas) {
        if (this.exact || fold(meta.text).includes(fold(this.query))) this.found.push(meta);
      }
      this.show(shown);
    }
  }

  get done() { return this.next >= this.candidates.length; }

  show(shown) {
    if (this.cancelled) return;
    const ordered = this.state.sort ? this.found : [
      ...this.found.filter((d) => headingMatch(d, this.query)),
      ...this.found.filter((d) => !headingMatch(d, this.query)),
    ];
    list.replaceChildren(...ordered.slice(0, shown).map((d) => resultItem(d, this.query)));
    const total = this.exact ? this.candidates.length : this.found.length;
    if (this.exact || this.done) {
      statusLine.textContent = total ? `找到 ${total} 个页面包含“${this.query}”` : `没有页面包含“${this.query}”`;
    } else if (!this.found.length) {
      statusLine.textContent = `正在核对 ${this.candidates.length - this.next} 个候选页面…`;
    } else {
      statusLine.textContent = `已找到 ${this.found.length} 个页面包含“${this.query}”，另有 ${this.candidates.length - this.next} 个页面待核对`;
    }
    more.hidden = !(shown < total || !this.done);
  }
}

let current = null;
let shown = PAGE;

async function search(state) {
  if (current) current.cancelled = true;
  const query = collapse(state.q);
  current = null;
  if (!query) { list.replaceChildren(); statusLine.textContent = ""; more.hidden = true; return; }
  const tokens = queryTokens(query);
  if (!tokens.length) { list.replaceChildren(); statusLine.textContent = `“${query}”中没有汉字、字母或数字，请输入要查找的文字`; more.hidden = true; return; }
  const marker = (current = { cancelled: false });
  statusLine.textContent = "正在搜索…";
  const filters = {};
  for (const name of FILTERS) if (state[name]) filters[name] = state[name];
  const sort = state.sort ? { year: state.sort === "year-asc" ? "asc" : "desc" } : undefined;
  const pf = await pagefind();
  const found = await pf.search(tokens.join(" "), { filters, ...(sort ? { sort } : {}) });
  if (marker.cancelled) return;
  const run = (current = new Run(query, state, found.results, exactByTokens(query)));
  shown = PAGE;
  await run.check(run.candidates.length <= EAGER ? EAGER : PAGE);
  run.show(shown);
}

let timer = 0;
function update(push) {
  clearTimeout(timer);
  const state = formState();
  const url = stateUrl(state);
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
  return search(state);
}

input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => update(false), DELAY); });
form.addEventListener("change", (event) => { if (event.target !== input) update(false); });
form.addEventListener("submit", (event) => { event.preventDefault(); update(true); });
more.addEventListener("click", async () => {
  const run = current;
  if (!(run instanceof Run)) return;
  shown += PAGE;
  await run.check(shown);
  run.show(shown);
  list.children[shown - PAGE]?.querySelector("a")?.focus();
});
window.addEventListener("popstate", () => { const state = readState(); showState(state); search(state); });

document.documentElement.classList.add("search-ready");
const initial = readState();
showState(initial);
pagefind();
search(initial);
