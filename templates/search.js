// Full-text search over the index that `xxgk build` writes (generator/search/index.py): no server,
// no WebAssembly, a few small files per query. The query becomes the same character n-gram keys as
// the pages (generator/search/tokens.py); the postings of those keys (generator/search/postings.py:
// same hash, same format) give the candidate pages; each candidate's real text, from its card, is
// checked unless the keys alone decide, so that only pages containing exactly what was typed are
// shown. Results appear card by card, title and township matches first.
//
// The script is inlined `async` in the page's head (templates/search.html): it asks for the
// buckets of the query in the URL (and the manifest) while the page is still being parsed, and
// touches the page only once it has been parsed.
const FILTERS = ["region", "township", "year", "format"];
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /[ \t\n\r\f\v\u00a0\u3000]+/g;
const PAGE = 20; // results shown per step
const EAGER = 60; // up to this many candidates are all checked at once, so the count is exact
const PARALLEL = 6; // cards in flight at once (a browser's connections per host over HTTP/1.1)
const DELAY = 200; // ms of typing pause before searching

const config = document.querySelector("script[data-buckets]").dataset; // index, buckets, cards

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

// A run of one to three characters is one key; a longer run, its triples.
function queryGrams(query) {
  const keys = new Set();
  for (const run of runs(query)) {
    if (run.length <= 3) keys.add(run.join(""));
    for (let i = 0; run.length > 3 && i + 3 <= run.length; i++) keys.add(run.slice(i, i + 3).join(""));
  }
  return [...keys];
}

// A query of up to three letters/digits is answered by its key alone: no text check needed.
function exactByKeys(query) {
  const chars = [...query];
  return chars.length <= 3 && chars.every((c) => WORD.test(c));
}

const DECODER = new TextDecoder();
const ENCODER = new TextEncoder();

async function unpack(response) {
  if (!response.ok) throw Object.assign(new Error(`${response.url}: HTTP ${response.status}`), { status: response.status });
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A server that sends the file with Content-Encoding: gzip has already unpacked it.
  if (!(bytes[0] === 0x1f && bytes[1] === 0x8b)) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const loaded = new Map();
function fetchOnce(url, read) {
  if (!loaded.has(url)) {
    const promise = fetch(url).then(unpack).then(read);
    promise.catch(() => loaded.delete(url)); // a failed file is fetched again by the next search
    loaded.set(url, promise);
  }
  return loaded.get(url);
}

const readJson = (bytes) => JSON.parse(DECODER.decode(bytes));
const manifest = () => fetchOnce(config.index + "manifest.json.gz", readJson);
const card = (page) => fetchOnce(config.cards + page + ".gz", readJson);
const bucket = (key) => fetchOnce(config.index + (fnv(key) & (config.buckets - 1)) + ".gz", (bytes) => bytes);

function fnv(key) {
  let hash = 0x811c9dc5;
  for (const byte of ENCODER.encode(key)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

// The encoded postings of `key` in a bucket (varint length + key, varint length + postings, …),
// found by comparing bytes: no entry is decoded but the one asked for.
function entry(bytes, key) {
  const wanted = ENCODER.encode(key);
  let at = 0;
  const size = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const keySize = size();
    let same = keySize === wanted.length;
    for (let i = 0; same && i < keySize; i++) same = bytes[at + i] === wanted[i];
    at += keySize;
    const dataSize = size();
    if (same) return bytes.subarray(at, at + dataSize);
    at += dataSize;
  }
  return null;
}

// Varint gaps → ascending page numbers.
function pagesOf(data) {
  const pages = [];
  if (!data) return pages;
  for (let at = 0, page = -1, value = 0, shift = 0; at < data.length; at++) {
    const byte = data[at];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) { pages.push((page += value)); value = 0; shift = 0; } else shift += 7;
  }
  return pages;
}

// [pages whose text holds the key, pages whose title, township or region holds it]
async function postings(key) {
  const bytes = await bucket(key);
  return [pagesOf(entry(bytes, key)), pagesOf(entry(bytes, "#" + key))];
}

// Ascending lists → the numbers in all of them (a merge: no sets to build).
function intersect(lists) {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  return sorted.slice(1).reduce((pages, list) => {
    const both = [];
    for (let i = 0, j = 0; i < pages.length && j < list.length; ) {
      if (pages[i] < list[j]) i++;
      else if (pages[i] > list[j]) j++;
      else { both.push(pages[i]); i++; j++; }
    }
    return both;
  }, sorted[0]);
}

// The pages to check, best first: the filters applied, then heading matches first (or by year).
// The manifest (facets) is waited for only when a filter or the sort needs it.
async function candidates(query, state) {
  const found = await Promise.all(queryGrams(query).map(postings));
  let pages = intersect(found.map(([text]) => text));
  const needed = state.sort || FILTERS.some((name) => state[name]);
  const index = needed ? await manifest() : null;
  for (const name of FILTERS) {
    if (!state[name]) continue;
    const facet = index.facets[name];
    const wanted = facet.values.indexOf(state[name]);
    // a value no page has (a mistyped URL) matches nothing, not the pages without that facet
    pages = wanted < 0 ? [] : pages.filter((page) => facet.pages[page] === wanted);
  }
  if (state.sort) {
    const years = index.facets.year.pages;
    const sign = state.sort === "year-asc" ? 1 : -1;
    const rank = (page) => (years[page] < 0 ? Infinity : sign * years[page]);
    return pages.sort((a, b) => rank(a) - rank(b) || a - b);
  }
  const heading = new Set(intersect(found.map(([, head]) => head)));
  return [...pages.filter((p) => heading.has(p)), ...pages.filter((p) => !heading.has(p))];
}

function readState() {
  const params = new URLSearchParams(location.search);
  const state = { q: params.get("q") || "", sort: params.get("sort") || "" };
  for (const name of FILTERS) state[name] = params.get(name) || "";
  return state;
}

// The page's parts, once the page has been parsed (start() fills them in).
let form, input, statusLine, list, more;

// A filter's choices wait in its data-choices (one per line) until needed: on focus, when the
// URL names one, or once the first results are shown.
function fillChoices(select) {
  if (!select.dataset.choices) return;
  const options = select.dataset.choices.split("\n").map((value) => new Option(value, value));
  delete select.dataset.choices;
  select.append(...options);
}

function formState() {
  const state = { q: input.value, sort: form.elements.sort.value };
  for (const name of FILTERS) state[name] = form.elements[name].value;
  return state;
}

// A region named by its slug (?region=anqiu) is the region of that name; a value the menu does
// not have is added to it, marked, so that the menu always shows what filters the results.
function knownValue(select, value) {
  if (!value) return value;
  fillChoices(select);
  if ([...select.options].some((o) => o.value === value)) return value;
  const alias = (select.dataset.aliases || "").split("\n").map((line) => line.split("\t")).find(([slug]) => slug === value);
  if (alias) return alias[1];
  select.append(new Option(`“${value}”（没有这一项）`, value));
  return value;
}

function showState(state) {
  input.value = state.q;
  form.elements.sort.value = state.sort;
  for (const name of FILTERS) {
    state[name] = knownValue(form.elements[name], state[name]);
    form.elements[name].value = state[name];
  }
  showFilters(state);
}

// The filters' summary names the ones in use; the box is open where there is room for it.
function showFilters(state) {
  const used = FILTERS.filter((name) => state[name]).map((name) => `${labelOf(name)}：${state[name]}`);
  if (state.sort) used.push(form.elements.sort.selectedOptions[0]?.textContent || "");
  document.getElementById("filter-summary").textContent = used.length ? `（${used.join("，")}）` : "";
  if (window.matchMedia("(min-width: 40rem)").matches) document.getElementById("search-filters").open = true;
}

const labelOf = (name) => form.querySelector(`label[for="f-${name}"]`).textContent;

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
    `<h2><a>${highlight(meta.title || meta.url, query)}</a></h2>` +
    (facts.length ? `<p class="result-meta">${facts.map(escapeHtml).join(" · ")}</p>` : "") +
    `<p class="excerpt">${excerpt(meta.text, query)}</p>`;
  // set here, not in the markup: this script is inlined in the page, whose links the build checks.
  // #hl= makes the opened page scroll to the match and mark it (static/reader.js).
  item.querySelector("a").setAttribute("href", meta.url + "#hl=" + encodeURIComponent(query));
  return item;
}

// Title and township matches first; otherwise the index's order (reports newest first).
function headingMatch(meta, query) {
  const q = fold(query);
  return [meta.title, meta.township, meta.region].some((v) => v && fold(v).includes(q));
}

class Run {
  constructor(query, state, candidates, exact) {
    Object.assign(this, { query, state, candidates, exact, next: 0, found: [], cancelled: false });
    this.queue = Promise.resolve();
    this.items = new Map(); // page → its <li>: shown again on each find, made (with its excerpt) once
    this.headings = new Map(); // page → whether its title or township matches
  }

  heading(meta) {
    if (!this.headings.has(meta)) this.headings.set(meta, headingMatch(meta, this.query));
    return this.headings.get(meta);
  }

  item(meta) {
    if (!this.items.has(meta)) this.items.set(meta, resultItem(meta, this.query));
    return this.items.get(meta);
  }

  // One check at a time ("more" during the first check waits for it), so that `done` never
  // counts a card that is still being fetched.
  check(limit) {
    this.queue = this.queue.then(() => this.checkNow(limit));
    return this.queue;
  }

  // Checks candidates in order until `limit` pages are found, with up to PARALLEL cards in
  // flight; each find is shown as soon as its card and those before it have been checked.
  async checkNow(limit) {
    const ahead = [];
    while (this.next < this.candidates.length && this.found.length < limit && !this.cancelled) {
      while (ahead.length < PARALLEL && this.next + ahead.length < this.candidates.length) {
        ahead.push(card(this.candidates[this.next + ahead.length]));
      }
      const meta = await ahead.shift();
      this.next += 1;
      if (this.exact || fold(meta.text).includes(fold(this.query))) {
        this.found.push(meta);
        this.show(shown);
      }
    }
  }

  get done() { return this.next >= this.candidates.length; }

  show(shown) {
    if (this.cancelled) return;
    const ordered = this.state.sort ? this.found : [
      ...this.found.filter((d) => this.heading(d)),
      ...this.found.filter((d) => !this.heading(d)),
    ];
    list.replaceChildren(...ordered.slice(0, shown).map((d) => this.item(d)));
    const total = this.exact ? this.candidates.length : this.found.length;
    const listed = Math.min(shown, this.found.length);
    if (this.done || (this.exact && this.found.length)) {
      const part = total > listed ? `，先列出 ${listed} 个` : "";
      statusLine.textContent = total ? `找到 ${total} 个页面包含“${this.query}”${part}` : `没有页面包含“${this.query}”`;
    } else if (!this.found.length) {
      statusLine.textContent = `正在查找包含“${this.query}”的页面…`;
    } else {
      // The pages not yet read may hold it or not: their number is an upper bound, said as such.
      const most = this.found.length + this.candidates.length - this.next;
      statusLine.textContent = `约 ${most} 个页面包含“${this.query}”，先列出 ${listed} 个`;
    }
    more.hidden = !(shown < total || !this.done);
    if (this.done && !total) offerHints(this.query, this.state);
  }
}

let current = null;
let shown = PAGE;

// Nothing found: shorter queries and fewer filters that do find something, as links.
async function offerHints(query, state) {
  const box = document.getElementById("search-hint");
  const tries = [];
  const chars = [...query];
  if (chars.length > 1) tries.push([chars.slice(0, -1).join(""), state], [chars.slice(1).join(""), state]);
  for (const part of query.split(" ")) if (part && part !== query) tries.push([part, state]);
  const bare = { ...state, region: "", township: "", year: "", format: "" };
  if (FILTERS.some((name) => state[name])) tries.unshift([query, bare]);
  const offers = [];
  for (const [q, st] of tries) {
    if (!queryGrams(q).length || offers.some((o) => o.q === q && o.st === st)) continue;
    try {
      const found = await candidates(q, st);
      if (found.length) offers.push({ q, st, count: found.length });
    } catch (error) { /* a hint is a nicety: no hint rather than an error */ }
    if (current && current.query !== query) return; // another search has started
  }
  const intro = document.createElement("p");
  intro.textContent = "可以试试：少输一两个字、换个说法，或去掉筛选条件。";
  const list = document.createElement("ul");
  for (const o of offers.slice(0, 4)) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.textContent = o.st === bare ? `去掉筛选条件，找“${o.q}”` : `改找“${o.q}”`;
    link.setAttribute("href", stateUrl({ ...o.st, q: o.q })); // set here: the build checks the page's links
    item.append(link, `（约 ${o.count} 个页面）`);
    list.append(item);
  }
  box.replaceChildren(intro, ...(offers.length ? [list] : []));
  box.hidden = false;
}

async function search(state) {
  if (current) current.cancelled = true;
  const query = collapse(state.q);
  current = null;
  document.getElementById("search-hint").hidden = true;
  form.classList.toggle("has-query", !!query);
  showFilters(state);
  if (!query) { list.replaceChildren(); statusLine.textContent = ""; more.hidden = true; return; }
  if (!queryGrams(query).length) { list.replaceChildren(); statusLine.textContent = `“${query}”中没有汉字、字母或数字，请输入要查找的文字`; more.hidden = true; return; }
  const marker = (current = { cancelled: false });
  statusLine.textContent = "正在搜索…";
  let run = marker;
  try {
    const pages = await candidates(query, state);
    if (marker.cancelled) return;
    run = current = new Run(query, state, pages, exactByKeys(query));
    shown = PAGE;
    await run.check(run.candidates.length <= EAGER ? EAGER : PAGE);
    run.show(shown);
  } catch (error) {
    // No index at all (404) is a preview or a `--no-search` build, not a network fault.
    const absent = "本站点没有生成搜索索引：预览（xxgk serve）和 xxgk build --no-search 不建索引，用 xxgk build 生成。";
    if (!run.cancelled) statusLine.textContent = error.status === 404 ? absent : "搜索索引未能载入，请检查网络后重试。";
    throw error;
  }
}

let timer = 0;
function update(push) {
  clearTimeout(timer);
  const state = formState();
  const url = stateUrl(state);
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
  return search(state);
}

async function start() {
  form = document.getElementById("search-form");
  input = form.elements.q;
  statusLine = document.getElementById("search-status");
  list = document.getElementById("search-results");
  more = document.getElementById("search-more");
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => update(false), DELAY); });
  form.addEventListener("change", (event) => { if (event.target !== input) update(false); });
  form.addEventListener("submit", (event) => { event.preventDefault(); update(true); });
  form.addEventListener("focusin", (event) => fillChoices(event.target));
  form.addEventListener("pointerdown", (event) => fillChoices(event.target));
  more.addEventListener("click", async () => {
    const run = current;
    if (!(run instanceof Run)) return;
    shown += PAGE;
    await run.check(shown);
    run.show(shown);
    list.children[shown - PAGE]?.querySelector("a")?.focus();
  });
  window.addEventListener("popstate", () => { const state = readState(); showState(state); search(state); });
  document.getElementById("search-hint").addEventListener("click", (event) => {
    const link = event.target.closest("a");
    if (!link) return;
    event.preventDefault();
    history.pushState(null, "", link.getAttribute("href"));
    const state = readState();
    showState(state);
    search(state);
  });
  document.documentElement.classList.add("search-ready");
  const state = readState();
  showState(state);
  try {
    await search(state);
  } finally {
    // the remaining choices once the first results are on screen, when the reader can use them
    setTimeout(() => FILTERS.forEach((name) => fillChoices(form.elements[name])), 0);
  }
}

// While the page is still being parsed: the manifest and the buckets of the query in the URL.
const early = readState();
manifest();
queryGrams(collapse(early.q)).forEach(bucket);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
