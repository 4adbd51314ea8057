// Reading aids, all progressive (without JavaScript every page is complete and the same):
// 1. A table that does not fit the screen is also shown in a layout made for phones, built here
//    from the printed table itself (no second copy in the page): one block per printed row, the
//    row label as its heading, its figures as label–value pairs (totals first), and the rows whose
//    figures are all 0 said in one line. A standard table stays in the page for screen readers'
//    table navigation (only hidden from the eye; its phone layout is hidden from them); a list
//    table, whose layout holds links, is replaced by it. Desktop, print and wide tables: unchanged.
// 2. The print button of report pages.
// 3. A search result opened from /search/ (#hl=<query>): the first match scrolled to and marked.
(function () {
  "use strict";
  var TOTAL = /^(总计|合计)$/;

  function text(node) { return (node.textContent || "").replace(/[\s\u00a0]+/g, " ").trim(); }
  function make(tag, cls, content) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (content !== undefined) { el.textContent = content; }
    return el;
  }

  // ---- 1. Phone layout -------------------------------------------------------------------

  // Every cell's place in the grid (rowspan/colspan), so that a list table without `headers`
  // attributes still knows the column and row headers of each cell.
  function layout(table) {
    var taken = [], cells = [];
    for (var r = 0; r < table.rows.length; r++) {
      var row = table.rows[r], c = 0;
      taken[r] = taken[r] || [];
      for (var i = 0; i < row.cells.length; i++) {
        var cell = row.cells[i];
        while (taken[r][c]) { c++; }
        for (var dr = 0; dr < cell.rowSpan; dr++) {
          taken[r + dr] = taken[r + dr] || [];
          for (var dc = 0; dc < cell.colSpan; dc++) { taken[r + dr][c + dc] = true; }
        }
        cells.push({ el: cell, row: r, col: c, rows: cell.rowSpan, cols: cell.colSpan });
        c += cell.colSpan;
      }
    }
    return cells;
  }

  function isColumnHeader(th) {
    var scope = th.getAttribute("scope");
    return scope === "col" || scope === "colgroup" || (!scope && !!th.closest("thead"));
  }

  // A row of one header cell across the whole table: a block's title, a county's group.
  function sectionRow(tr, width) {
    return tr.cells.length === 1 && tr.cells[0].tagName === "TH" && tr.cells[0].colSpan >= width;
  }

  // The body rows: [{rowPath: [th…], cells: [{td, path: [column label…]}]} …], and the section
  // titles between them ({section: th}).
  function readTable(table) {
    var grid = layout(table);
    var width = 0;
    grid.forEach(function (g) { width = Math.max(width, g.col + g.cols); });
    var byEl = new Map();
    grid.forEach(function (g) { byEl.set(g.el, g); });
    var items = [];
    Array.prototype.forEach.call(table.rows, function (tr) {
      if (tr.parentNode.tagName === "THEAD") { return; }
      if (sectionRow(tr, width)) { items.push({ section: tr.cells[0] }); return; }
      var data = Array.prototype.filter.call(tr.cells, function (c) { return c.tagName === "TD"; });
      if (!data.length) { return; }
      var entry = { tr: tr, rowPath: [], cells: [] };
      data.forEach(function (td) {
        var heads = headersOf(td, grid, byEl);
        entry.rowPath = heads.rows;
        entry.cells.push({ td: td, path: heads.cols.map(text), span: byEl.get(td).cols });
      });
      if (!entry.rowPath.length) { return; }
      items.push(entry);
    });
    return { items: items, width: width };
  }

  function headersOf(td, grid, byEl) {
    var ids = (td.getAttribute("headers") || "").split(" ").filter(Boolean);
    var cols = [], rows = [];
    if (ids.length) {
      ids.forEach(function (id) {
        var th = document.getElementById(id);
        if (!th || (th.closest("tbody") && sectionRow(th.parentNode, 2))) { return; }
        (isColumnHeader(th) ? cols : rows).push(th);
      });
      return { cols: cols, rows: rows };
    }
    var me = byEl.get(td), levels = {};
    grid.forEach(function (g) {
      if (g.el.tagName !== "TH") { return; }
      var sameCols = g.col < me.col + me.cols && me.col < g.col + g.cols;
      var sameRows = g.row < me.row + me.rows && me.row < g.row + g.rows;
      if (sameCols && g.row < me.row && isColumnHeader(g.el) && !sectionRow(g.el.parentNode, 2)) {
        levels[g.row] = (levels[g.row] || 0) + 1;
        cols.push(g.el);
      } else if (sameRows && g.col < me.col && !isColumnHeader(g.el)) { rows.push(g.el); }
    });
    // a cell across several columns (未收录 in place of every figure) has no one column label
    var spanning = Object.keys(levels).some(function (r) { return levels[r] > 1; });
    return { cols: spanning ? [] : cols, rows: rows };
  }

  function isZero(cell) { return !cell.td.classList.contains("blank") && text(cell.td) === "0"; }
  function isBlank(cell) { return cell.td.classList.contains("blank"); }
  function isUnstated(cell) { return !!cell.td.querySelector(".na"); }

  // The words every cell's column path starts with (表二's 申请人情况): said once, above.
  function commonPrefix(items) {
    var prefix = null;
    items.forEach(function (item) {
      (item.cells || []).forEach(function (cell) {
        if (prefix === null) { prefix = cell.path.slice(0, -1); return; }
        var n = 0;
        while (n < prefix.length && n < cell.path.length - 1 && prefix[n] === cell.path[n]) { n++; }
        prefix = prefix.slice(0, n);
      });
    });
    return prefix || [];
  }

  // Label–value pairs as a tree of column groups; in each group the total comes first.
  function pairs(cells, depth, std, into) {
    var groups = [], byName = {};
    cells.forEach(function (cell) {
      var name = cell.path[depth];
      if (name === undefined) { groups.push({ leaf: cell }); return; }
      if (cell.path.length === depth + 1) { groups.push({ leaf: cell, name: name }); return; }
      if (!byName[name]) { byName[name] = { name: name, cells: [] }; groups.push(byName[name]); }
      byName[name].cells.push(cell);
    });
    groups.sort(function (a, b) {
      return (TOTAL.test(b.name || "") ? 1 : 0) - (TOTAL.test(a.name || "") ? 1 : 0);
    });
    groups.forEach(function (g) {
      if (g.cells) {
        var box = make("div", "pt-group");
        box.appendChild(make("div", "pt-group-label", g.name));
        pairs(g.cells, depth + 1, std, box);
        into.appendChild(box);
        return;
      }
      var pair = make("div", "pt-pair" + (TOTAL.test(g.name || "") ? " pt-total" : "") + (g.name ? "" : " pt-wide"));
      pair.dataset.cell = g.leaf.index;
      if (g.name) { pair.appendChild(make("span", "pt-key", g.name)); }
      var value = make("span", "pt-value");
      if (isBlank(g.leaf)) { value.textContent = "空白"; value.className += " muted"; }
      else if (std) { value.textContent = text(g.leaf.td); }
      else { Array.prototype.forEach.call(g.leaf.td.childNodes, function (n) { value.appendChild(n.cloneNode(true)); }); }
      pair.appendChild(value);
      into.appendChild(pair);
    });
  }

  function labelOf(th, std) {
    var span = make("span");
    if (std) { span.textContent = text(th); }
    else { Array.prototype.forEach.call(th.childNodes, function (n) { span.appendChild(n.cloneNode(true)); }); }
    return span;
  }

  // Rows whose figures are all 0 (or all blank), said at the end of their section: one line per
  // group of rows (三、本年度办理结果 （三）不予公开：1.…、2.…).
  function foldLines(rows, lead, std) {
    var box = make("div", "pt-zeros");
    box.appendChild(make("p", "pt-zeros-lead", lead));
    var line = null, last = null;
    rows.forEach(function (item) {
      var parent = item.rowPath.slice(0, -1).map(text).join(" ");
      if (!line || parent !== last) {
        line = make("p", "pt-zero-line");
        if (parent) { line.appendChild(make("span", "pt-zero-group", parent + "：")); }
        box.appendChild(line);
      } else {
        line.appendChild(document.createTextNode("、"));
      }
      var part = make("span", "pt-zero-row");
      part.dataset.cells = item.cells.map(function (c) { return c.index; }).join(" ");
      part.appendChild(labelOf(item.rowPath[item.rowPath.length - 1], std));
      line.appendChild(part);
      last = parent;
    });
    return box;
  }

  // A table of which years have a report (a county's townships × years): on a phone, a row's
  // years as two lines, 已发布 with a link per year and 未收录; any other cell stays a pair.
  function presenceLines(cells, block) {
    var shown = [], missing = [], rest = [];
    cells.forEach(function (c) {
      var link = c.td.querySelector("a");
      if (link) { shown.push(c); } else if (c.td.querySelector(".missing")) { missing.push(c); } else { rest.push(c); }
    });
    if (shown.length) {
      var line = make("p", "pt-years");
      line.appendChild(make("span", "pt-years-lead", "已发布："));
      shown.forEach(function (c) {
        var link = make("a", "", c.path.join(" "));
        link.href = c.td.querySelector("a").getAttribute("href");
        link.appendChild(make("span", "visually-hidden", "年度报告"));
        line.appendChild(link);
        line.appendChild(document.createTextNode(" "));
      });
      line.dataset.cells = shown.map(function (c) { return c.index; }).join(" ");
      block.appendChild(line);
    }
    if (missing.length) {
      var gap = make("p", "pt-years pt-missing", "未收录：" + missing.map(function (c) { return c.path.join(" "); }).join("、"));
      gap.dataset.cells = missing.map(function (c) { return c.index; }).join(" ");
      block.appendChild(gap);
    }
    return rest;
  }

  function build(wrapper, table) {
    var std = table.classList.contains("std-table");
    var presence = table.classList.contains("presence");
    var read = readTable(table);
    var prefix = commonPrefix(read.items);
    var view = make("div", "phone-table" + (std ? " phone-std" : " phone-list"));
    if (std) { view.setAttribute("aria-hidden", "true"); }
    var caption = table.caption;
    if (caption && !caption.classList.contains("visually-hidden")) { view.appendChild(make("p", "pt-caption", text(caption))); }
    if (prefix.length) { view.appendChild(make("p", "pt-note", "各列：" + prefix.join(" · "))); }
    var index = 0, zeros = [], blanks = [], unstated = [], lastParents = [];
    function flush() {
      if (zeros.length) { view.appendChild(foldLines(zeros, "以下各项均为 0：", std)); }
      if (blanks.length) { view.appendChild(foldLines(blanks, "以下各项原表空白：", std)); }
      if (unstated.length) { view.appendChild(foldLines(unstated, "以下各项均未载明：", std)); }
      zeros = []; blanks = []; unstated = []; lastParents = [];
    }
    read.items.forEach(function (item) {
      if (item.section) {
        flush();
        var title = make("p", "pt-section");
        title.appendChild(labelOf(item.section, std));
        view.appendChild(title);
        return;
      }
      item.cells.forEach(function (cell) {
        cell.index = index++;
        cell.path = cell.path.slice(prefix.length);
      });
      if (item.cells.every(isZero)) { zeros.push(item); return; }
      if (item.cells.every(isBlank)) { blanks.push(item); return; }
      if (item.cells.every(isUnstated)) { unstated.push(item); return; }
      var parents = item.rowPath.slice(0, -1);
      parents.forEach(function (th, depth) {
        if (lastParents[depth] === th) { return; }
        var head = make("p", "pt-parent pt-depth-" + depth);
        head.appendChild(labelOf(th, std));
        view.appendChild(head);
      });
      lastParents = parents;
      var block = make("div", "pt-row pt-depth-" + parents.length);
      var label = make("p", "pt-label");
      label.appendChild(labelOf(item.rowPath[item.rowPath.length - 1], std));
      block.appendChild(label);
      var cells = item.cells;
      if (presence) { cells = presenceLines(cells, block); }
      var list = make("div", "pt-pairs");
      pairs(cells.filter(function (c) { return !isUnstated(c); }), 0, std, list);
      if (list.childNodes.length) { block.appendChild(list); }
      var missing = item.cells.filter(isUnstated);
      if (missing.length) {
        var line = make("p", "pt-unstated", "未载明：" + missing.map(function (c) { return c.path.join(" "); }).join("、"));
        line.dataset.cells = missing.map(function (c) { return c.index; }).join(" ");
        block.appendChild(line);
      }
      view.appendChild(block);
    });
    flush();
    wrapper.parentNode.insertBefore(view, wrapper.nextSibling);
    return view;
  }

  // A table needs the phone layout when it is wider than its box, or squeezed into it so that
  // a header is left a character or two a line.
  function overflows(wrapper, table) {
    if (table.offsetWidth > wrapper.clientWidth + 1) { return true; }
    var size = parseFloat(getComputedStyle(table).fontSize) || 16;
    var heads = table.querySelectorAll("th");
    for (var i = 0; i < heads.length; i++) {
      var th = heads[i];
      if (th.classList.contains("sr-only-cell")) { continue; }
      if (text(th).length >= 3 && th.clientWidth < 2.6 * size) { return true; }
    }
    return false;
  }

  var tables = [];

  function update() {
    tables.forEach(function (t) {
      t.wrapper.classList.remove("is-phone", "phone-sr", "phone-gone");
      if (t.view) { t.view.hidden = true; }
    });
    var wanted = tables.map(function (t) { return overflows(t.wrapper, t.table); });
    tables.forEach(function (t, n) {
      if (!wanted[n]) {
        if (t.tabindex !== null) { t.wrapper.setAttribute("tabindex", t.tabindex); }
        return;
      }
      t.view = t.view || build(t.wrapper, t.table);
      t.view.hidden = false;
      // a standard table stays for screen readers; a list table's links are in its phone layout
      t.wrapper.classList.add("is-phone", t.table.classList.contains("std-table") ? "phone-sr" : "phone-gone");
      t.wrapper.removeAttribute("tabindex");  // nothing to scroll, nothing to see: not a Tab stop
    });
  }

  function setupTables() {
    var wrappers = document.querySelectorAll(".table-scroll");
    Array.prototype.forEach.call(wrappers, function (wrapper) {
      var table = wrapper.querySelector("table");
      if (!table || table.hasAttribute("data-sortable")) { return; }
      tables.push({ wrapper: wrapper, table: table, view: null, tabindex: wrapper.getAttribute("tabindex") });
    });
    if (!tables.length) { return; }
    update();
    var width = window.innerWidth, pending = false;
    function later() {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; update(); });
    }
    window.addEventListener("resize", function () {
      if (window.innerWidth !== width) { width = window.innerWidth; later(); }
    });
    // the reader's text size (prefs.js sets a class on <html>) changes what fits
    new MutationObserver(later).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  }

  // ---- 2. Print button -------------------------------------------------------------------

  function setupPrint() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // ---- 3. The match a search result leads to ---------------------------------------------

  function visible(node) {
    var el = node.parentElement;
    if (!el || el.closest(".visually-hidden, [aria-hidden=true], .is-phone, .toc")) { return false; }
    return el.getClientRects().length > 0;
  }

  function findMatch(query) {
    var main = document.getElementById("main");
    if (!main || !query) { return null; }
    var fold = function (s) { return s.replace(/[A-Z]/g, function (c) { return c.toLowerCase(); }); };
    var wanted = fold(query.replace(/[\s\u00a0\u3000]+/g, " ").trim());
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    var nodes = [], joined = "";
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!visible(node)) { continue; }
      nodes.push({ node: node, start: joined.length });
      joined += fold(node.data.replace(/[\s\u00a0\u3000]+/g, " "));
    }
    var at = joined.indexOf(wanted);
    if (at < 0) { return null; }
    var range = document.createRange();
    var end = at + wanted.length;
    nodes.forEach(function (n) {
      var to = n.start + n.node.data.length;
      if (n.start <= at && at <= to) { range.setStart(n.node, at - n.start); }
      if (n.start <= end && end <= to) { range.setEnd(n.node, end - n.start); }
    });
    return range;
  }

  function showMatch() {
    var hash = location.hash;
    if (hash.indexOf("#hl=") !== 0) { return; }
    var query;
    try { query = decodeURIComponent(hash.slice(4)); } catch (e) { return; }
    var range = findMatch(query);
    if (!range) { return; }
    if (window.CSS && CSS.highlights && typeof Highlight === "function") {
      CSS.highlights.set("search-match", new Highlight(range));
    } else {
      var mark = document.createElement("mark");
      mark.className = "search-match";
      try { range.surroundContents(mark); } catch (e) { /* the match crosses elements: scroll only */ }
    }
    var box = range.getBoundingClientRect();
    window.scrollTo(0, Math.max(0, window.scrollY + box.top - window.innerHeight / 3));
  }

  function start() {
    setupTables();
    setupPrint();
    showMatch();
    window.addEventListener("hashchange", showMatch);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
