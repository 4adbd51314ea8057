// The editors' form (/editor/, templates/editor.html): choose a township and year, fill the
// standard tables in their printed layout, see at each cell what `xxgk check` will say, and get the
// report file. Everything it knows about a format comes from the format documents it loads at the
// start (then it works offline); the checks are editor-rules.js (tables) and editor-fields.js, the
// file editor-file.js, the tables editor-grid.js, showing, sending and loading reports editor-send.js.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) return;
  var $ = function (id) { return document.getElementById(id); };
  var config = JSON.parse(form.dataset.config);
  var Rules = window.XxgkRules, Grid = window.XxgkGrid, Send = window.XxgkSend;
  var SEVERITY = { error: "错误", warning: "警告", notice: "提示" };
  var RANK = { error: 3, warning: 2, notice: 1 };
  var state = {
    townships: [], formats: {}, township: null, year: null, fmt: null, tableFormats: {}, values: {},
    figures: {}, prev: null, prevKey: null, existing: false, yearMin: config.year_min, touched: {}, problems: [],
    fields: {},
  };
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  var formatUrls = Object.keys(config.formats).sort().map(function (id) { return config.formats[id]; });
  var urls = [config.townships].concat(formatUrls);
  Promise.all(urls.map(Send.getJSON)).then(function (docs) {
    state.townships = docs[0].townships;
    docs.slice(1).forEach(function (doc) { state.formats[doc.format] = doc; });
    setUp();
    $("ed-loading").hidden = true;
    $("ed-main").hidden = false;
    form.dataset.ready = "true";  // for tests and for whoever waits for the form
  }).catch(function (error) {
    $("ed-loading").textContent = "无法载入表格格式（" + error.message + "）：请打开用 xxgk build 生成的网站中的本页。";
  });

  function setUp() {
    var select = $("ed-township"), groups = {};
    state.townships.forEach(function (t) {
      var name = t.city === t.county ? t.county : t.city + t.county;
      if (!groups[name]) {
        groups[name] = select.appendChild(document.createElement("optgroup"));
        groups[name].label = name;
      }
      groups[name].appendChild(new Option(t.name, t.slug));
    });
    var query = new URLSearchParams(location.search);
    select.value = query.get("township") || "";
    $("ed-year").value = /^\d{4}$/.test(query.get("year") || "") ? query.get("year") : String(new Date().getFullYear() - 1);
    select.addEventListener("change", choose);
    $("ed-year").addEventListener("input", choose);
    ["ed-title", "ed-organ", "ed-body"].forEach(function (id) {
      $(id).addEventListener("input", function () { state.touched[id] = true; check(); });
    });
    ["ed-published", "ed-index"].forEach(function (id) { $(id).addEventListener("input", check); });
    $("ed-published").addEventListener("change", function () {  // 2020年1月20日, 2020.1.20 → 2020-01-20
      var m = /^(\d{4})\s*[年./]\s*(\d{1,2})\s*[月./]\s*(\d{1,2})\s*日?$/.exec($("ed-published").value.trim());
      if (m) { $("ed-published").value = m[1] + "-" + m[2].padStart(2, "0") + "-" + m[3].padStart(2, "0"); check(); }
    });
    $("ed-figures").addEventListener("input", function (e) {
      state.figures[e.target.dataset.figure] = e.target.value;
      check();
    });
    listenToTables($("ed-table-list"));
    $("ed-load").addEventListener("click", loadExisting);
    $("ed-no-tables").addEventListener("change", render);
    $("ed-download").addEventListener("click", function () {
      if (state.township) Send.download(fileText(), state.year + ".md");
      else $("ed-send-note").textContent = "请先在第一部分选择乡镇。";
    });
    $("ed-github").addEventListener("click", function () {
      Send.github(config, state, fileText(), function (text) { $("ed-send-note").textContent = text; });
    });
    choose();
  }

  function formatForYear(year) {  // schema.format_for_year: the first format, by id, that covers the year
    return Object.keys(state.formats).sort().map(function (id) { return state.formats[id]; }).find(function (f) {
      return (f.years.from === null || year >= f.years.from) && (f.years.to === null || year <= f.years.to);
    });
  }

  // A township or year chosen: the format follows the year; what was typed is kept (by row and
  // column ids) where the new format has the same cells.
  function choose() {
    var text = $("ed-year").value.trim();
    if (!/^\d{4}$/.test(text)) { $("ed-format-line").textContent = "请填写四位数字的年份，如 2023。"; return; }
    var year = Number(text), slug = $("ed-township").value;
    var fmt = formatForYear(year);
    if (!state.fmt || fmt.format !== state.fmt.format) state.tableFormats = {};
    state.township = state.townships.find(function (t) { return t.slug === slug; }) || null;
    state.year = year;
    state.fmt = fmt;
    $("ed-format-line").textContent = "报告格式：" + fmt.name + "（" + fmt.doc_no + "）" +
      (fmt.tables.length ? "" : "。这一年的报告没有统一表格：关键数字填在“基本信息”中。");
    defaults();
    var years = state.township ? state.township.years : [];
    state.existing = years.indexOf(year) >= 0;
    $("ed-existing").hidden = !state.existing;
    $("ed-existing-text").textContent = state.existing ? state.township.name + year + "年度的报告已经发布。" +
      "如需更正，可载入已发布的数据，改正后提交；提交时将复制文件并打开 GitHub 的编辑页面。" : "";
    loadPrevious(years.indexOf(year - 1) >= 0 ? year - 1 : null);
    history.replaceState(null, "", "?" + new URLSearchParams(slug ? { township: slug, year: text } : { year: text }));
    render();
  }

  function defaults() {
    var t = state.township, y = state.year;
    if (!state.touched["ed-title"]) $("ed-title").value = t ? t.name + y + "年政府信息公开工作年度报告" : "";
    if (!state.touched["ed-organ"]) $("ed-organ").value = t ? t.county + t.name + "人民政府" : "";
    if (!state.touched["ed-body"]) {
      $("ed-body").value = state.fmt.headings.map(function (h) { return "## " + h + "\n\n"; }).join("");
    }
  }

  function loadPrevious(year) {
    var key = year === null ? null : state.township.slug + "/" + year;
    state.prev = null;
    state.prevKey = key;
    $("ed-prev").hidden = true;
    if (key === null) return;
    Send.getJSON(Send.fill(config.report_json, state.township.slug, year)).then(function (doc) {
      if (state.prevKey !== key) return;  // another township or year was chosen meanwhile
      state.prev = {};
      Send.reportTables(doc).forEach(function (t) { state.prev[t.id] = t.rows; });
      $("ed-prev").textContent = "已载入 " + year + " 年度报告的统计表，用来核对与上年的衔接（警告）。";
      $("ed-prev").hidden = false;
      check();
    }).catch(function () {
      $("ed-prev").textContent = "未能载入 " + year + " 年度报告，与上年衔接的核对暂不进行。";
      $("ed-prev").hidden = false;
    });
  }

  function loadExisting() {
    var t = state.township, year = state.year;
    $("ed-load").disabled = true;
    Send.getJSON(Send.fill(config.report_json, t.slug, year)).then(function (doc) {
      Send.applyReport(doc, state, $);
      if (doc.format && state.formats[doc.format]) state.fmt = state.formats[doc.format];
      state.touched = { "ed-title": true, "ed-organ": true, "ed-body": true };
      $("ed-existing-text").textContent = "已载入 " + t.name + year + " 年度已发布的数据。正文不随数据发布：" +
        "正文框留空时，提交只复制文件开头两行 --- 之间的数据部分，正文保持原样。";
      render();
      $("ed-load").disabled = false;
    }).catch(function (error) {
      $("ed-existing-text").textContent = "未能载入已发布的数据（" + error.message + "）。";
      $("ed-load").disabled = false;
    });
  }

  function tableFormat(id) { return state.tableFormats[id] || state.fmt.format; }
  function tableDoc(id) { return state.formats[tableFormat(id)].tables.find(function (t) { return t.id === id; }); }
  function cellText(table, row, column) {
    var rows = state.values[table] || (state.values[table] = {});
    var cells = rows[row] || (rows[row] = {});
    return column in cells ? cells[column] : (cells[column] = "0");  // like `xxgk new`: zero-filled
  }

  function render() {
    window.XxgkFields.renderFigures(state, $);
    var list = $("ed-table-list");
    list.textContent = "";
    state.fields = {};
    $("ed-tables").hidden = !state.fmt.tables.length;
    if (!$("ed-no-tables").checked) state.fmt.tables.forEach(function (t) { list.appendChild(tableSection(t.id)); });
    check();
  }

  function tableSection(id) {
    var table = tableDoc(id);
    var section = document.createElement("section");
    section.className = "ed-table";
    section.setAttribute("aria-labelledby", "ed-h-" + id);
    var heading = document.createElement("h3");
    heading.id = "ed-h-" + id;
    heading.textContent = table.number + " " + table.caption;
    section.appendChild(heading);
    section.appendChild(formatChoice(id));
    var built = Grid.buildTable(table, function (input) {
      input.value = cellText(id, input.dataset.row, input.dataset.column);
    });
    state.fields[id] = built.fields;
    var scroll = document.createElement("div");
    scroll.className = "ed-scroll";
    scroll.setAttribute("role", "region");
    scroll.setAttribute("aria-labelledby", built.node.id + "-caption");
    scroll.appendChild(built.node);
    section.appendChild(scroll);
    if (table.note) Send.appendText(section, "p", "table-note", "勾稽关系：" + table.note);
    var problems = Send.appendText(section, "ul", "ed-problems", "");
    problems.id = "ed-p-" + id;
    problems.setAttribute("aria-label", table.number + "需要核对的问题");
    return section;
  }

  function formatChoice(id) {
    var p = document.createElement("p");
    p.className = "ed-field ed-format";
    p.innerHTML = '<label for="ed-tf-' + id + '">本表格式</label><select id="ed-tf-' + id + '" data-table="' + id +
      '" aria-describedby="ed-tf-' + id + '-problem"></select><span id="ed-tf-' + id + '-problem" class="ed-field-problem"></span>';
    var select = p.querySelector("select");
    Object.keys(state.formats).sort().forEach(function (f) {
      var fmt = state.formats[f];
      if (fmt.tables.some(function (t) { return t.id === id; })) select.appendChild(new Option(fmt.name, f));
    });
    select.value = tableFormat(id);
    select.addEventListener("change", function () {
      state.tableFormats[id] = select.value;
      var fresh = tableSection(id);
      select.closest("section").replaceWith(fresh);
      check();
      fresh.querySelector("select").focus();
    });
    return p;
  }

  function listenToTables(list) {
    list.addEventListener("input", function (e) {
      var input = e.target;
      if (!input.classList.contains("ed-cell")) return;
      state.values[input.dataset.table][input.dataset.row][input.dataset.column] = input.value;
      check();
      Send.bubble(input, problemsAt(input), form, SEVERITY);
    });
    list.addEventListener("change", function (e) {
      if (!e.target.classList.contains("ed-cell")) return;
      Send.announce(problemsAt(e.target).map(function (p) { return p.message; }).join("；"));
    });
    list.addEventListener("keydown", function (e) {
      if (e.target.classList.contains("ed-cell")) Grid.navigate(state.fields[e.target.dataset.table], e);
    });
    list.addEventListener("focusin", function (e) {
      if (!e.target.classList.contains("ed-cell")) return;
      e.target.select();
      Send.bubble(e.target, problemsAt(e.target), form, SEVERITY);
    });
    list.addEventListener("focusout", function () { $("ed-bubble").hidden = true; });
    list.addEventListener("paste", function (e) {
      var input = e.target, text = (e.clipboardData || window.clipboardData).getData("text");
      if (!input.classList.contains("ed-cell") || !/[\t\n]/.test(text.replace(/\r?\n$/, ""))) return;
      e.preventDefault();
      var result = Grid.pasteBlock(state.fields[input.dataset.table], input, text, function (t) {
        return typeof Rules.parseCell(t) === "number";
      });
      result.filled.forEach(function (f) { state.values[f.dataset.table][f.dataset.row][f.dataset.column] = f.value; });
      check();
      var left = result.left ? "；另有 " + result.left + " 格超出表格，未粘贴" : "";
      Send.announce("已粘贴 " + result.rows + " 行、" + result.filled.length + " 格" + left);
    });
  }

  function problemsAt(input) {
    return state.problems.filter(function (p) { return p.input === input; });
  }

  // Every problem the file would have in `xxgk check`'s tables, dates and figures, shown at its
  // cell or field, listed under its table, and counted in the summary.
  function check() {
    var problems = window.XxgkFields.fieldProblems(state, $);
    state.fmt.tables.forEach(function (t) {
      if ($("ed-no-tables").checked) return;
      var table = tableDoc(t.id), raws = {};
      table.rows.forEach(function (row) {
        raws[row.id] = row.columns.map(function (c) { return Rules.parseCell(cellText(t.id, row.id, c)); });
      });
      problems = problems.concat(Rules.checkTable(table, raws, state.prev ? state.prev[t.id] || null : null));
      var own = state.formats[tableFormat(t.id)];
      if (own !== state.fmt) problems.push(window.XxgkFields.formatProblem(table, own, state.fmt));
    });
    problems.forEach(function (p) {
      var rows = p.table && p.row !== null ? tableDoc(p.table).rows : [];
      var row = (state.fields[p.table] || [])[rows.findIndex(function (r) { return r.id === p.row; })];
      p.input = row ? row[p.index === null ? 0 : p.index] : null;
    });
    state.problems = problems;
    Send.showProblems(state, problems, SEVERITY, RANK, $);
    $("ed-file").textContent = fileText();
  }

  function fileText() {
    if (!state.township) return "";
    return window.XxgkFile.reportText(state.township, state.year, state.fmt, Send.filled(state, $, tableDoc, cellText));
  }

  window.XxgkEditor = { state: state };  // for tests, and for whoever scripts the form
})();
