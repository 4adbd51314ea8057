// The editors' form, continued (editor.js is the page): showing problems, reading a published report.json
// (the compact shape of generator/data/report_json.py, or the older one with labelled cells), and
// sending the file: a download, or GitHub's new-file or edit page of the content repository.
(function (root) {
  "use strict";
  var MAX_URL = 7000;  // longer addresses risk GitHub's "414 URI Too Long": the file is pasted instead
  var summaryTimer = null;

  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + "：HTTP " + r.status);
      return r.json();
    });
  }
  function fill(pattern, slug, year) { return pattern.replace("{slug}", slug).replace("{year}", String(year)); }
  function appendText(parent, tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    node.textContent = text;
    parent.appendChild(node);
    return node;
  }

  // The tables of a report.json: [{id, format, rows: {row id: [values]}}], from either shape.
  function reportTables(doc) {
    if (!Array.isArray(doc.tables)) {
      return Object.keys(doc.tables || {}).map(function (id) {
        return { id: id, format: doc.tables[id].format, rows: doc.tables[id].rows };
      });
    }
    return doc.tables.map(function (t) {
      var rows = {};
      t.cells.forEach(function (c) { (rows[c.row] = rows[c.row] || []).push(c.value); });
      return { id: t.id, format: t.format, rows: rows };
    });
  }

  function valueText(v) {
    if (v === null || v === undefined) return "";
    if (Number.isInteger(v)) return BigInt(v).toString();
    var text = String(v);
    return text.indexOf("e") < 0 ? text : v.toFixed(20).replace(/\.?0+$/, "");
  }

  // A published report into the form: its fields, the figures its prose states, every table cell.
  function applyReport(doc, state, $) {
    $("ed-title").value = doc.title || "";
    $("ed-organ").value = doc.organ || "";
    $("ed-published").value = doc.published || "";
    $("ed-index").value = doc.index_no || "";
    $("ed-body").value = "";
    state.figures = {};
    Object.keys(doc.figures || {}).forEach(function (name) {
      if (doc.figures[name].origin === "prose") state.figures[name] = valueText(doc.figures[name].value);
    });
    state.tableFormats = {};
    state.values = {};
    var tables = reportTables(doc);
    $("ed-no-tables").checked = !tables.length;
    tables.forEach(function (t) {
      var doc2 = state.formats[t.format] && state.formats[t.format].tables.find(function (x) { return x.id === t.id; });
      if (!doc2) return;
      if (t.format !== doc.format) state.tableFormats[t.id] = t.format;
      var rows = state.values[t.id] = {};
      doc2.rows.forEach(function (row) {
        var cells = t.rows[row.id] || [];
        rows[row.id] = {};
        row.columns.forEach(function (c, i) { rows[row.id][c] = i < cells.length ? valueText(cells[i]) : "0"; });
      });
    });
  }

  // Marks each problem's cell or field (aria-invalid for errors, aria-describedby for all), lists
  // the problems under their table, and (after a pause in typing) says in the summary what is left.
  function showProblems(state, problems, severity, rank, $) {
    document.querySelectorAll("#editor .ed-cell").forEach(function (input) {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
      input.className = "ed-cell";
    });
    document.querySelectorAll("#editor .ed-field-problem").forEach(function (span) { span.textContent = ""; });
    document.querySelectorAll("#editor [aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
    document.querySelectorAll("#editor .ed-problems").forEach(function (list) { list.textContent = ""; });
    problems.forEach(function (p, n) {
      var id = "ed-m-" + n;
      var list = p.table ? $("ed-p-" + p.table) : null;
      if (list) {
        var li = appendText(list, "li", "ed-" + p.severity, "");
        li.id = id;
        appendText(li, "strong", "", severity[p.severity] + "：");
        li.appendChild(document.createTextNode(p.message));
        if (p.input) goButton(li, p.input);
      }
      var target = p.input || (p.field ? $(p.field) : null);
      if (!target) return;
      if (p.field) {
        var span = $(p.field + "-problem");
        var said = severity[p.severity] + "：" + p.message;
        if (span) span.textContent = span.textContent ? span.textContent + "；" + said : said;
      } else {
        var described = target.getAttribute("aria-describedby");
        target.setAttribute("aria-describedby", described ? described + " " + id : id);
        var now = /ed-has-(\w+)/.exec(target.className);
        if (!now || rank[p.severity] > rank[now[1]]) target.className = "ed-cell ed-has-" + p.severity;
      }
      if (p.severity === "error") target.setAttribute("aria-invalid", "true");
    });
    clearTimeout(summaryTimer);
    summaryTimer = setTimeout(function () { summary(state, problems, $); }, 400);
  }

  function goButton(li, input) {
    var button = appendText(li, "button", "ed-go", "转到此格");
    button.type = "button";
    button.setAttribute("aria-label", "转到此格：" + li.textContent.replace(/转到此格$/, "").slice(0, 40));
    button.addEventListener("click", function () { input.focus(); });
  }

  function summary(state, problems, $) {
    var box = $("ed-summary"), count = { error: 0, warning: 0, notice: 0 };
    problems.forEach(function (p) { count[p.severity]++; });
    box.textContent = "";
    box.className = "ed-summary" + (count.error ? " ed-summary-error" : "");
    if (!state.township) { appendText(box, "p", "", "请先在第一部分选择乡镇。"); return; }
    if (!problems.length) { appendText(box, "p", "", "没有发现问题：提交后，检查应当通过。"); return; }
    appendText(box, "p", "", "还有 " + count.error + " 处错误（必须改正，否则检查不通过）、" + count.warning +
      " 处警告（请核对）、" + count.notice + " 处提示（仅供参考）。原件本身有误时照录原件，在正文或提交说明中注明。");
    var list = appendText(box, "ul", "", "");
    function item(text, href, mine) {
      if (!mine.length) return;
      var a = appendText(appendText(list, "li", "", ""), "a", "", text + "：" + mine.length + " 处");
      a.href = href;
    }
    state.fmt.tables.forEach(function (t) {
      item(t.number, "#ed-p-" + t.id, problems.filter(function (p) { return p.table === t.id; }));
    });
    item("基本信息", "#ed-meta", problems.filter(function (p) { return p.field && p.field !== "ed-body" && !p.table; }));
    item("正文", "#ed-body", problems.filter(function (p) { return p.field === "ed-body"; }));
  }

  // scaffold.Filled, from the form.
  function filled(state, $, tableDoc, cellText) {
    var tables = {}, figures = {}, none = $("ed-no-tables").checked;
    state.fmt.tables.forEach(function (t) {
      if (none) return;
      var table = tableDoc(t.id), rows = {};
      table.rows.forEach(function (row) {
        rows[row.id] = row.columns.map(function (c) { return root.XxgkRules.parseCell(cellText(t.id, row.id, c)); });
      });
      tables[t.id] = { format: state.formats[state.tableFormats[t.id] || state.fmt.format], rows: rows };
    });
    Object.keys(state.figures).forEach(function (name) {
      var v = root.XxgkRules.parseCell(state.figures[name]);
      if (v !== null && $("ed-fig-" + name)) figures[name] = v;
    });
    return { published: $("ed-published").value.trim(), organ: $("ed-organ").value.trim(),
      title: $("ed-title").value.trim(), index_no: $("ed-index").value.trim(), figures: figures, tables: tables, no_tables: none,
      body: $("ed-body").value.replace(/\r\n?/g, "\n") };
  }

  function download(text, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }

  // To the clipboard: the Clipboard API where the page may use it (https), else a selected textarea.
  function copy(text) {
    function fallback() {
      var area = document.createElement("textarea"), was = document.activeElement;
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      if (was) was.focus();
      return ok;
    }
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, fallback);
    }
    return Promise.resolve(fallback());
  }

  function github(config, state, text, note) {
    if (!state.township) { note("请先在第一部分选择乡镇。"); return; }
    var slug = state.township.slug, year = state.year;
    if (state.existing) {
      var dataOnly = document.getElementById("ed-body").value.trim() === "";
      var copied = dataOnly ? text.slice(0, text.indexOf("\n---\n", 3) + 5) : text;
      copy(copied).then(function (ok) {
        window.open(fill(config.github.edit, slug, year), "_blank", "noopener");
        note((ok ? "已复制" : "未能自动复制，请从“查看将要生成的文件”中复制") + (dataOnly ? "文件开头的数据部分" : "整个文件") +
          "。在打开的 GitHub 编辑页中，" + (dataOnly ? "选中从第一行 --- 到第二行 --- 的部分，" : "全选（Ctrl+A）后，") +
          "粘贴（Ctrl+V）替换，再点 “Commit changes”，选择新建分支并创建拉取请求。");
      });
      return;
    }
    var page = fill(config.github.new, slug, year), full = page + "&value=" + encodeURIComponent(text);
    if (full.length <= MAX_URL) {
      window.open(full, "_blank", "noopener");
      note("已在新窗口打开 GitHub 的新建文件页面，文件名和内容都已填好：点 “Commit changes”，选择新建分支并创建拉取请求。");
      return;
    }
    copy(text).then(function (ok) {
      window.open(page, "_blank", "noopener");
      note((ok ? "文件较长，已复制到剪贴板" : "文件较长，请从“查看将要生成的文件”中复制") +
        "：在打开的 GitHub 新建文件页面（文件名已填好）的编辑框中粘贴（Ctrl+V），再点 “Commit changes”，选择新建分支并创建拉取请求。");
    });
  }

  // A focused cell's problems, shown under it (screen readers have them through aria-describedby).
  function bubble(input, found, form, severity) {
    var box = document.getElementById("ed-bubble");
    box.hidden = !found.length || document.activeElement !== input;
    box.setAttribute("aria-hidden", "true");  // read through the field's aria-describedby instead
    if (box.hidden) return;
    box.textContent = found.map(function (p) { return severity[p.severity] + "：" + p.message; }).join("\n");
    var cell = input.getBoundingClientRect(), base = form.getBoundingClientRect();
    box.style.top = (cell.bottom - base.top + 4) + "px";
    box.style.left = Math.max(0, Math.min(cell.left - base.left, base.width - box.offsetWidth)) + "px";
  }

  var announced = 0;
  function announce(text) {
    if (!text) return;
    var region = document.getElementById("ed-announce");
    region.textContent = "";
    var mine = ++announced;
    requestAnimationFrame(function () { if (mine === announced) region.textContent = text; });
  }

  root.XxgkSend = {
    getJSON: getJSON, fill: fill, appendText: appendText, reportTables: reportTables, applyReport: applyReport,
    showProblems: showProblems, filled: filled, bubble: bubble, announce: announce,
    download: download, github: github,
  };
})(window);
