// The editors' form, continued (editor.js is the page): the report's other fields and their checks
// (ports of generator/assemble.py's messages), showing problems, reading a published report.json
// (the compact shape of generator/report_json.py, or the older one with labelled cells), and
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

  // fields.FieldReader.date: 年-月-日, a real day; the day as ISO text, or "" with the problem added.
  function readDate(text, add) {
    var m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (!m) {
      add("ed-published", "date.format", "error", "“published”（发布日期）应写成 年-月-日，如 2020-01-20，实为“" + text + "”");
      return "";
    }
    var day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (day.getUTCFullYear() !== Number(m[1]) || day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) {
      add("ed-published", "date.invalid", "error", "“published”（发布日期）“" + text + "”不是真实存在的日期");
      return "";
    }
    return m[1] + "-" + m[2].padStart(2, "0") + "-" + m[3].padStart(2, "0");
  }

  function isoDay(date) {
    return date.getFullYear() + "-" + String(date.getMonth() + 1).padStart(2, "0") + "-" + String(date.getDate()).padStart(2, "0");
  }

  // assemble.py: the year's range, the publication date, the figures typed, the report's format.
  function fieldProblems(state, $) {
    var found = [], year = state.year, today = new Date();
    function add(field, code, severity, message) {
      found.push({ code: code, severity: severity, message: message, table: null, row: null, index: null, field: field });
    }
    if (year < 2008 || year > today.getFullYear()) {
      add("ed-year", "year.range", "error", "报告年度 " + year + " 不在 2008–" + today.getFullYear() + " 之间");
    }
    var typed = $("ed-published").value.trim(), end = year + "-12-31";
    var published = typed ? readDate(typed, add) : "";
    if (published && published > isoDay(new Date(today.getTime() + 31 * 864e5))) {
      add("ed-published", "date.future", "error", "发布日期 " + published + " 在未来，请核对");
    } else if (published && published < end) {
      add("ed-published", "date.before_year_end", "error",
        "发布日期 " + published + " 早于报告年度 " + year + " 结束，年度报告应在次年发布，请核对年份");
    } else if (published === end) {
      add("ed-published", "date.year_end", "warning",
        "发布日期 " + published + " 是报告年度的最后一天，年度统计尚未结束，请核对是否为落款日期");
    }
    emptySections(state, $("ed-body").value).forEach(function (heading) {
      add("ed-body", "body.empty_section", "warning",
        "「" + heading + "」一节没有内容：请补写（没有可写“无”）；若内容在统计表中，请在 tables: 下填写该表");
    });
    Object.keys(state.figures).forEach(function (name) {
      var input = $("ed-fig-" + name);
      var v = input ? root.XxgkRules.parseCell(input.value) : null;
      if (v !== null && (typeof v === "string" || v < 0)) {
        add("ed-fig-" + name, "figure.type", "error",
          "关键数字“" + name + "”应为不小于 0 的数字，实为“" + (typeof v === "string" ? v : root.XxgkRules.asRead(v)) + "”");
      }
    });
    return found;
  }

  // body_checks.empty_sections (outside fenced code): headings with nothing under them, except the
  // sections the report's tables fill (the tables are shown there).
  function emptySections(state, body) {
    var covered = {}, headings = [], texts = [], fenced = false;
    if (!document.getElementById("ed-no-tables").checked) {
      state.fmt.sections.forEach(function (s) { if (s.table) covered[normalizeHeading(s.title)] = true; });
    }
    body.split("\n").forEach(function (line, number) {
      if (/^\s*(```|~~~)/.test(line)) { fenced = !fenced; return; }
      if (fenced) return;
      var m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (m) headings.push({ number: number, level: m[1].length, text: m[2] });
      else if (line.trim()) texts.push(number);
    });
    return headings.filter(function (h, index) {
      var later = headings.slice(index + 1);
      var next = later.find(function (o) { return o.level <= h.level; });
      var end = next ? next.number : Infinity;
      var inside = function (n) { return h.number < n && n < end; };
      return !later.some(function (o) { return inside(o.number); }) && !texts.some(inside) && !covered[normalizeHeading(h.text)];
    }).map(function (h) { return h.text; });
  }

  function normalizeHeading(text) {  // markup.normalize_heading
    return text.trim().replace(/^[一二三四五六七八九十\d]+[、.．]\s*/, "").replace(/[\s、，,：:（）()]/g, "");
  }

  function formatProblem(table, other, fmt) {
    return { code: "table.format", severity: "warning", table: table.id, row: null, index: null, field: "ed-tf-" + table.id,
      message: table.number + "按" + other.name + "（" + other.format + "）填写，与报告的" + fmt.name + "（" + fmt.format +
        "）不同；请核对原件确实用了这种表格" };
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
        if (span) span.textContent = (span.textContent ? span.textContent + "；" : "") + severity[p.severity] + "：" + p.message;
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
    return { published: $("ed-published").value.trim(), organ: $("ed-organ").value.trim(), title: $("ed-title").value.trim(),
      index_no: $("ed-index").value.trim(), figures: figures, tables: tables, no_tables: none,
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

  root.XxgkSend = {
    getJSON: getJSON, fill: fill, appendText: appendText, reportTables: reportTables, applyReport: applyReport,
    fieldProblems: fieldProblems, formatProblem: formatProblem, showProblems: showProblems, filled: filled,
    download: download, github: github,
  };
})(window);
