// The site-wide comparison of one figure or cell, drawn from two small data files: the places
// (counties and townships, once for the site) and the values (compare/*.json). Counties come
// first with their totals per year; a county's townships are added when it is opened. Without
// JavaScript the page links to the county pages and the downloads instead.
(function () {
  "use strict";
  var root = document.getElementById("compare-view");
  if (!root) { return; }

  function get(url) { return fetch(url).then(function (r) { if (!r.ok) { throw new Error(url); } return r.json(); }); }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function show(n) { return Number.isInteger(n) ? String(n) : String(parseFloat(n.toFixed(6))); }

  function model(places, data) {
    var counties = places.counties.map(function (c, i) {
      var none = function () { return null; };
      return { index: i, slug: c[0], name: c[1], townships: [], totals: data.years.map(none), reported: data.years.map(none) };
    });
    var rows = {};
    data.rows.forEach(function (r) { rows[r[0]] = r; });
    places.townships.forEach(function (t, i) {
      var row = rows[i];
      if (!row) { return; }
      var county = counties[t[0]];
      county.townships.push({ slug: t[1], name: t[2], values: row[1], formats: row[2] || "", number: i });
      row[1].forEach(function (v, y) {
        if (typeof v === "number") { county.totals[y] = (county.totals[y] || 0) + v; }
        if (v !== "") { county.reported[y] = true; }
      });
    });
    var converted = {};
    data.converted.forEach(function (c) { converted[c[0] + ":" + c[1]] = true; });
    return { counties: counties.filter(function (c) { return c.townships.length; }), converted: converted };
  }

  // "" no report that year, "-" a report that does not state it: the legend's "·" and "—"
  function blankCell(td, v) {
    td.setAttribute("data-value", "");
    td.appendChild(el("span", { "aria-hidden": "true", "class": v === "" ? "missing" : "na" }, v === "" ? "·" : "—"));
    td.appendChild(el("span", { "class": "visually-hidden" }, v === "" ? "无报告" : "报告未载明"));
    return td;
  }

  function valueCell(v, y, township, data, state) {
    var td = el("td", { "class": "num" });
    if (v === "" || v === "-") { return blankCell(td, v); }
    td.setAttribute("data-value", v === null ? "" : v);
    var fmt = township.formats.charAt(y), before = township.formats.slice(0, y).replace(/ /g, "").slice(-1);
    if (fmt && fmt !== " " && before && before !== fmt) {
      td.classList.add("format-break");
      td.appendChild(el("span", { "class": "break-mark", "aria-hidden": "true" }, "‖"));
      td.appendChild(el("span", { "class": "visually-hidden" },
        "格式变化（" + data.formats[+before] + "→" + data.formats[+fmt] + "）："));
    }
    var a = el("a", { href: state.base + "townships/" + township.slug + "/" + data.years[y] + "/" },
      v === null ? "空白" : show(v));
    td.appendChild(a);
    if (state.converted[township.number + ":" + y]) {
      td.appendChild(el("span", { "class": "converted", "aria-hidden": "true" }, "≈"));
      td.appendChild(el("span", { "class": "visually-hidden" }, "（换算）"));
    }
    return td;
  }

  function townshipRow(township, county, data, state) {
    var tr = el("tr", { "class": "township-row", "data-county": county.slug });
    var th = el("th", { scope: "row" });
    th.appendChild(el("a", { href: state.base + "townships/" + township.slug + "/" }, township.name));
    tr.appendChild(th);
    township.values.forEach(function (v, y) { tr.appendChild(valueCell(v, y, township, data, state)); });
    return tr;
  }

  function countyBody(county, data, state) {
    var body = el("tbody", { id: "r-" + county.slug });
    var tr = el("tr", { "class": "county-row" });
    var th = el("th", { scope: "row" });
    var button = el("button", { type: "button", "aria-expanded": "false", "class": "county-toggle" });
    button.textContent = county.name + "（" + county.townships.length + " 个乡镇）";
    th.appendChild(button);
    tr.appendChild(th);
    county.totals.forEach(function (t, y) {
      var td = el("td", { "class": "num total" });
      if (t === null) {
        blankCell(td, county.reported[y] ? "-" : "");
      } else {
        td.setAttribute("data-value", t);
        td.textContent = show(t);
      }
      tr.appendChild(td);
    });
    body.appendChild(tr);
    button.addEventListener("click", function () { toggle(county, body, button, data, state); });
    return body;
  }

  function toggle(county, body, button, data, state) {
    var open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", open ? "false" : "true");
    if (open) {
      Array.prototype.slice.call(body.querySelectorAll(".township-row")).forEach(function (r) { r.remove(); });
      return;
    }
    sorted(county.townships, state).forEach(function (t) { body.appendChild(townshipRow(t, county, data, state)); });
  }

  function key(item, state) {
    if (state.column < 0) { return item.name; }
    var v = item.totals ? item.totals[state.column] : item.values[state.column];
    return typeof v === "number" ? v : null;
  }
  function sorted(items, state) {
    return items.slice().sort(function (a, b) {
      var x = key(a, state), y = key(b, state);
      if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
      var order = typeof x === "number" ? x - y : x.localeCompare(y, "zh-CN");
      return state.descending ? -order : order;
    });
  }

  function draw(table, m, data, state) {
    Array.prototype.slice.call(table.tBodies).forEach(function (b) { b.remove(); });
    var query = state.filter;
    sorted(m.counties, state).forEach(function (county) {
      var matches = county.townships.filter(function (t) { return t.name.indexOf(query) >= 0; });
      if (query && county.name.indexOf(query) < 0 && !matches.length) { return; }
      var body = countyBody(county, data, state);
      table.appendChild(body);
      if (query && county.name.indexOf(query) < 0) {
        body.querySelector("button").setAttribute("aria-expanded", "true");
        sorted(matches, state).forEach(function (t) { body.appendChild(townshipRow(t, county, data, state)); });
      }
    });
  }

  function header(table, m, data, state) {
    var row = el("tr");
    ["地区"].concat(data.years).forEach(function (label, i) {
      var th = el("th", { scope: "col" });
      var button = el("button", { type: "button", "class": "sort-button" }, String(label));
      th.appendChild(button);
      button.addEventListener("click", function () {
        state.descending = state.column === i - 1 ? !state.descending : i > 0;
        state.column = i - 1;
        Array.prototype.forEach.call(row.cells, function (c) { c.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", state.descending ? "descending" : "ascending");
        draw(table, m, data, state);
      });
      row.appendChild(th);
    });
    table.appendChild(el("thead")).appendChild(row);
  }

  function build(places, data) {
    var m = model(places, data);
    var state = { column: -1, descending: false, filter: "", base: root.getAttribute("data-base"),
                  converted: m.converted };
    root.textContent = "";
    if (!m.counties.length) { root.appendChild(el("p", {}, "尚无报告载明此数字。")); return; }
    var label = el("label", { "for": "compare-filter" }, "按县（市、区）或乡镇名称筛选：");
    var input = el("input", { id: "compare-filter", type: "search" });
    var form = el("p", { "class": "compare-filter" });
    form.appendChild(label); form.appendChild(input);
    root.appendChild(form);
    var scroll = el("div", { "class": "table-scroll", role: "region", "aria-labelledby": "compare-caption", tabindex: "0" });
    var table = el("table", { "class": "data-table matrix compare-matrix" });
    var unit = root.getAttribute("data-unit");
    table.appendChild(el("caption", { id: "compare-caption" },
      root.getAttribute("data-heading") + (unit ? "（" + unit + "）" : "") + "：各县（市、区）合计 × 年度"));
    header(table, m, data, state);
    scroll.appendChild(table);
    root.appendChild(scroll);
    draw(table, m, data, state);
    input.addEventListener("input", function () { state.filter = input.value.trim(); draw(table, m, data, state); });
    root.setAttribute("data-ready", "true");
  }

  Promise.all([get(root.getAttribute("data-places")), get(root.getAttribute("data-src"))])
    .then(function (both) { build(both[0], both[1]); })
    .catch(function () { root.insertBefore(el("p", { role: "alert" }, "数据加载失败，请下载 CSV 查看。"), root.firstChild); });
})();
