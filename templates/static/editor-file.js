// The report file the editors' form gives: exactly the text `xxgk new report` starts with, with the
// editor's values filled in. A port of generator/commands/new.py (report_text and its table lines) and
// generator/content/yaml_text.py (how a value is written into YAML), driven by the format documents;
// tests/browser/test_editor_rules.py checks that both give the same text for the same values.
(function (root) {
  "use strict";

  var SPACE = " \\t\\n\\r\\f\\v\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
  var UNPRINTABLE = /[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/gu;  // u: a pair is one character
  var PLAIN = new RegExp("^[^" + SPACE + "\\x00-\\x1f'\"&*!|>%@`{}\\[\\],#?:\\-<=~\\\\0-9+.]" +  // a first character YAML reads as text
    "(?:[^\\x00-\\x1f]*[^" + SPACE + "\\x00-\\x1f:])?$");  // no control character; not ending in a space or ":"
  var DAY = /^\d{4}-\d{1,2}-\d{1,2}$/;  // a date as written: plain; anything else quoted, and checked
  var WORDS = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;
  var FIGURES_NOTE = "figures:  # 正文中写明的关键数字：去掉行首的 # 并填入数字；表格能得出的数字不在此填写";
  var TABLES_NOTE = "tables:  # 统一表格：按原报告逐格填写（合计也照填），没有数据的格填 0";

  // yaml_text.plain_ok / quoted / scalar
  function plainOk(value) {
    UNPRINTABLE.lastIndex = 0;
    return PLAIN.test(value) && value.indexOf(": ") < 0 && value.indexOf(" #") < 0 &&
      !UNPRINTABLE.test(value) && !WORDS.test(value);
  }
  function quoted(value) {
    return JSON.stringify(value).replace(UNPRINTABLE, function (c) {
      return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
    });
  }
  function scalar(value) { return plainOk(value) ? value : quoted(value); }

  // yaml_text.number: whole numbers as digits; other numbers (and whole numbers beyond what a double
  // holds exactly) as Python writes the float, with the point YAML 1.1 needs to read an exponent
  // form as a number (1e-07 → 1.0e-07).
  function number(value) {
    if (Number.isSafeInteger(value)) return String(value);
    var text = root.XxgkRules.pyRepr(value);
    var parts = text.split("e");
    return parts.length === 2 && parts[0].indexOf(".") < 0 ? parts[0] + ".0e" + parts[1] : text;
  }
  function cell(value) {
    if (value === null) return "null";
    return typeof value === "string" ? quoted(value) : number(value);
  }

  function headerPaths(node) {
    if (node.column) return [node.label];
    return node.children.flatMap(function (c) {
      return headerPaths(c).map(function (p) { return node.label + "/" + p; });
    });
  }

  function rowLine(row, count, width, values) {
    var shown = values ? values.map(cell) : new Array(count).fill("0");
    return "    " + (row.id + ":").padEnd(width + 1) + " [" + shown.join(", ") + "]  # " + row.label;
  }

  // scaffold._table_lines: `table` in `fill.format` (or the report's own format), rows as filled.
  function tableLines(table, reportFormat, fill) {
    var lines = ["  " + table.id + ":  # " + table.number + " " + table.caption];
    if (fill && fill.format.format !== reportFormat.format) {
      var f = fill.format;
      lines.push("    format: " + f.format + "  # 本表按" + f.name + "（" + f.doc_no + "）填写");
    }
    var rows = fill ? fill.rows : {};
    var byId = {};
    table.rows.forEach(function (r) { byId[r.id] = r; });
    var width = Math.max.apply(null, table.rows.map(function (r) { return r.id.length; }));
    if (table.layout === "blocks") {
      table.blocks.forEach(function (block) {
        lines.push("    # " + block.title + "：" + block.columns.map(function (c) { return c.label; }).join("、"));
        block.rows.forEach(function (id) { lines.push(rowLine(byId[id], block.columns.length, width, rows[id])); });
      });
      return lines;
    }
    var top = table.header;
    var roots = top.length === 1 && top[0].children ? top[0].children : top;
    var paths = roots.flatMap(headerPaths);
    lines.push("    # 各列依次为：" + paths.join("、"));
    (function visit(nodes) {
      nodes.forEach(function (node) {
        if (node.id) { lines.push(rowLine(node, paths.length, width, rows[node.id])); return; }
        lines.push("    # " + node.label);
        visit(node.children);
      });
    })(table.row_tree);
    return lines;
  }

  // scaffold.report_text. `township`: {name, county}; `fmt`: the report's format document;
  // `filled`: {published, organ, title, index_no, figures: {name: value}, tables: {id: {format:
  // format document, rows: {row id: [cells]}}}, no_tables: true for a report without tables, body:
  // text or null}.
  function reportText(township, year, fmt, filled) {
    var derived = {};
    fmt.figures.forEach(function (f) { if (f.table && !filled.no_tables) derived[f.name] = true; });
    var lines = ["---", "year: " + year];
    lines.push(filled.published ? "published: " + (DAY.test(filled.published) ? filled.published : quoted(filled.published))
      : "# published: " + (year + 1) + "-01-31   # 发布日期：报告发布后去掉行首的 # 并改为实际日期，不要编造");
    lines.push("organ: " + scalar(filled.organ || township.county + township.name + "人民政府"));
    lines.push("title: " + scalar(filled.title || township.name + year + "年政府信息公开工作年度报告"));
    if (filled.index_no) lines.push("index_no: " + scalar(filled.index_no));
    lines.push("format: " + fmt.format + "  # " + fmt.name + "（" + fmt.doc_no + "）", FIGURES_NOTE);
    fmt.figures.forEach(function (f) {
      if (derived[f.name]) return;
      var value = filled.figures[f.name];
      var given = value !== undefined && value !== null;
      var note = "  # " + f.label + "（" + f.unit + "）";
      lines.push((given ? "  " : "#  ") + f.name + ": " + (given ? cell(value) : "0") + note);
    });
    if (fmt.tables.length && !filled.no_tables) {
      lines.push(TABLES_NOTE);
      fmt.tables.forEach(function (table) {
        var fill = filled.tables[table.id];
        var shown = fill ? fill.format.tables.find(function (t) { return t.id === table.id; }) : table;
        lines = lines.concat(tableLines(shown, fmt, fill));
      });
    }
    lines.push("---");
    if (filled.body !== null && filled.body !== undefined) {
      return lines.join("\n") + "\n" + filled.body.replace(/\n+$/, "") + "\n";
    }
    fmt.headings.forEach(function (h) { lines.push("## " + h, ""); });
    return lines.join("\n").replace(/\n+$/, "") + "\n";
  }

  root.XxgkFile = { reportText: reportText, scalar: scalar, cell: cell, number: number };
})(typeof window !== "undefined" ? window : globalThis);
