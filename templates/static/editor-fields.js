// The editors' form's fields outside the tables and their checks, ported with their messages: the
// report year and format (generator/content/assemble.py), the publication date (fields.py FieldReader.date, assemble._published),
// the figures typed (assemble._figures), empty sections of the body (checks/bodies.empty_sections),
// and a table in another format than its report's (table_values._table_format).
(function (root) {
  "use strict";

  // fields.FieldReader.date: 年-月-日, a real day; the day as ISO text, or "" with the problem added.
  function readDate(text, add) {
    var m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (!m) {
      add("ed-published", "date.format", "error", "“published”（发布日期）应写成 年-月-日，如 2020-01-20，实为“" + text + "”");
      return "";
    }
    var day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    var same = day.getUTCFullYear() === Number(m[1]) && day.getUTCMonth() === Number(m[2]) - 1;
    if (!same || day.getUTCDate() !== Number(m[3])) {
      add("ed-published", "date.invalid", "error", "“published”（发布日期）“" + text + "”不是真实存在的日期");
      return "";
    }
    return m[1] + "-" + m[2].padStart(2, "0") + "-" + m[3].padStart(2, "0");
  }

  function isoDay(date) {
    var two = function (n) { return String(n).padStart(2, "0"); };
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate());
  }

  // assemble.py: the year's range, the publication date, the figures typed, the report's format.
  function fieldProblems(state, $) {
    var found = [], year = state.year, today = new Date();
    function add(field, code, severity, message) {
      found.push({ code: code, severity: severity, message: message, table: null, row: null, index: null, field: field });
    }
    if (year < state.yearMin || year > today.getFullYear()) {
      add("ed-year", "year.range", "error", "报告年度 " + year + " 不在 " + state.yearMin + "–" + today.getFullYear() + " 之间");
    }
    var expected = Object.keys(state.formats).sort().map(function (id) { return state.formats[id]; }).find(function (f) {
      return (f.years.from === null || year >= f.years.from) && (f.years.to === null || year <= f.years.to);
    });
    if (expected && expected.format !== state.fmt.format) {  // a published report loaded as it was written
      add("ed-year", "format.year_mismatch", "warning", year + " 年的报告通常用 " + expected.format + "（" + expected.name +
        "），这里写的是 " + state.fmt.format + "，请核对");
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
        "「" + heading.text + "」一节没有内容：请补写（没有可写“无”）；若内容在统计表中，请在 tables: 下填写该表");
      found[found.length - 1].bodyLine = heading.number;  // the heading's line in the body, from 0
    });
    Object.keys(state.figures).forEach(function (name) {
      var input = $("ed-fig-" + name);
      var v = input ? root.XxgkRules.parseCell(input.value) : null;
      var refused = v === null ? null : root.XxgkRules.readQuantity(v, name === "fees" ? "money" : "count");
      if (refused) {  // assemble._figures
        var unit = refused.kind === "type" && typeof v === "string" ? "；不要带“条”“件”等单位" : "";
        add("ed-fig-" + name, refused.kind === "range" ? "figure.range" : "figure.type", "error",
          "关键数字“" + name + "”" + refused.reason + unit);
      }
    });
    return found;
  }

  // checks/bodies.empty_sections (outside fenced code): headings with nothing under them, except the
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
      var sub = later.some(function (o) { return inside(o.number); });
      return !sub && !texts.some(inside) && !covered[normalizeHeading(h.text)];
    });
  }

  function normalizeHeading(text) {  // markup.normalize_heading
    return text.trim().replace(/^[一二三四五六七八九十\d]+[、.．]\s*/, "").replace(/[\s、，,：:（）()]/g, "");
  }

  function formatProblem(table, other, fmt) {
    return { code: "table.format", severity: "warning", table: table.id, row: null, index: null, field: "ed-tf-" + table.id,
      message: table.number + "按" + other.name + "（" + other.format + "）填写，与报告的" + fmt.name + "（" + fmt.format +
        "）不同；请核对原件确实用了这种表格" };
  }

  // The figures the prose states: a field each for those the report's tables do not hold.
  function renderFigures(state, $) {
    var box = $("ed-figures");
    box.textContent = "";
    var none = $("ed-no-tables").checked || !state.fmt.tables.length;
    var own = state.fmt.figures.filter(function (f) { return !f.table || none; });
    var note = document.createElement("p");
    note.className = "ed-help";
    note.textContent = "正文中写明的关键数字（没有写明的留空）" + (none ? "" : "；统计表能得出的数字不在此填写") + "：";
    box.appendChild(note);
    own.forEach(function (f) {
      var p = document.createElement("p");
      p.className = "ed-field";
      var id = "ed-fig-" + f.name;
      p.innerHTML = '<label for="' + id + '"></label><input id="' + id + '" type="text" inputmode="decimal" autocomplete="off"' +
        ' aria-describedby="' + id + '-problem"><span id="' + id + '-problem" class="ed-field-problem"></span>';
      p.firstChild.textContent = f.label + "（" + f.unit + "）";
      p.children[1].dataset.figure = f.name;
      p.children[1].value = state.figures[f.name] || "";
      box.appendChild(p);
    });
  }

  root.XxgkFields = { fieldProblems: fieldProblems, formatProblem: formatProblem, renderFigures: renderFigures };
})(window);
