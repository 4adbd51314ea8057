// The table checks of `xxgk check`, in the browser, for the editors' form. A port, function for
// function, of generator/content/table_values.py (_cell: blanks, non-numbers, negatives) and of
// generator/checks/table_rules.py (the 勾稽 rules: bindings, evaluation, the cell a problem is about, and
// rule_message with _Names), driven by the format document (generator/pages/format_document.py), which
// holds every label and the rules already parsed. The messages are the Python's to the character:
// tests/browser/test_editor_rules.py compares both on tables drawn by hypothesis.
(function (root) {
  "use strict";

  var OP_ZH = { "==": "应等于", ">=": "应不小于", "<=": "应不大于" };
  var WIDE = { "０": "0", "１": "1", "２": "2", "３": "3", "４": "4", "５": "5", "６": "6", "７": "7",
    "８": "8", "９": "9", "．": ".", "，": ",", "＋": "+", "－": "-", "−": "-" };
  var EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;

  // What an editor typed → the cell the report file will hold: a number, null for a printed blank,
  // or the text itself when it is not a number (the file quotes it, and `xxgk check` names it).
  // Full-width digits (typed with a Chinese input method) and thousands separators are numbers.
  // Characters xxgk check refuses in any text (content/characters.py: controls, line separators,
  // bidi controls): pasted from Word or a web page they are invisible, so a cell drops them.
  var INVISIBLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\u200e\u200f\u202a-\u202e\u2066-\u2069\r]/g;

  function parseCell(text) {
    var trimmed = String(text).replace(INVISIBLE, "").replace(EDGE_SPACE, "");
    if (trimmed === "") return null;
    var t = trimmed.replace(/[０-９．，＋－−]/g, function (c) { return WIDE[c]; });
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, "");
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return trimmed;
    var n = Number(t);
    return isFinite(n) ? n : trimmed;
  }

  // Python's repr of a float (shortest digits; exponent below 1e-4 and from 1e16).
  function pyRepr(x) {
    if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
    var m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(x.toExponential());
    var sign = m[1], digits = m[2] + (m[3] || ""), e = Number(m[4]);
    if (e < -4 || e >= 16) {
      var mantissa = digits[0] + (digits.length > 1 ? "." + digits.slice(1) : "");
      return sign + mantissa + "e" + (e < 0 ? "-" : "+") + String(Math.abs(e)).padStart(2, "0");
    }
    if (e < 0) return sign + "0." + "0".repeat(-e - 1) + digits;
    var whole = digits.slice(0, e + 1).padEnd(e + 1, "0");
    return sign + whole + "." + (digits.slice(e + 1) || "0");
  }

  // checks.show: a whole number without a point, any other as Python prints it. Python's integers
  // are exact, so the values the rules see are BigInts where Python has an int (see readCell).
  function show(x) {
    if (typeof x === "bigint") return x.toString();
    return Number.isInteger(x) ? BigInt(x).toString() : pyRepr(x);
  }

  // A number as Python reads it back from the file the form writes (editor-file.js `number`): an
  // integer when it was written as digits, else a float.
  function asRead(x) {
    return Number.isSafeInteger(x) ? String(x) : pyRepr(x);
  }

  // content/quantities.read_quantity: the value as a quantity of its kind, or why it is not one
  // (kind "type", "range" or "negative", and the reason's text, to follow the name of the cell).
  var BOUNDS = { count: [100000000, "1 亿"], money: [1000000000000, "1 万亿"] };
  function shownText(text) { return text.length <= 40 ? text : text.slice(0, 20) + "…（共 " + text.length + " 字）"; }
  function readQuantity(raw, kind) {
    if (typeof raw === "string") return { kind: "type", reason: "应为数字，实为“" + shownText(raw) + "”" };
    var bound = BOUNDS[kind === "money" ? "money" : "count"];
    if (Math.abs(raw) > bound[0]) {
      return { kind: "range", reason: "为 " + shownText(asRead(raw)) + "，超过 " + bound[1] + "，不可能是真实的数字；请核对位数" };
    }
    // Python holds a float where the file has a point (the form writes unsafe integers so)
    if (kind !== "money" && !Number.isSafeInteger(raw) && !Number.isInteger(raw)) {
      return { kind: "type", reason: "应为整数，实为 " + pyRepr(raw) };
    }
    if (raw < 0 && kind !== "signed_count") {
      var shown = kind !== "money" && Number.isInteger(raw) ? BigInt(raw).toString() : asRead(raw);
      return { kind: "negative", reason: "不能为负数，实为 " + shown };
    }
    return null;
  }
  var CELL_CODES = { type: "table.cell_type", range: "table.range", negative: "table.negative" };

  // table_values._cell: the value the rules see (null: counted as 0) and the cell's own problem.
  function readCell(table, row, column, raw) {
    var where = table.number + "「" + row.label + "」行「" + column.label + "」列";
    if (raw === null) return { value: null, problem: ["table.blank", "notice", where + "为空白，按 0 计算"] };
    var refused = readQuantity(raw, column.type);
    if (refused) {
      var hint = refused.kind === "type" && typeof raw === "string" ? "；没有数据请填 0" : "";
      return { value: null, problem: [CELL_CODES[refused.kind], "error", where + refused.reason + hint] };
    }
    // What Python holds: an int for counts (made one above) and for money written as digits, else
    // a float. Sums of ints are exact in Python, so they are BigInts here.
    return { value: column.type === "money" && !Number.isSafeInteger(raw) ? raw : BigInt(raw), problem: null };
  }

  // One table's lookups, made once per table: rows by id, columns by id, group labels.
  function tableIndex(table) {
    if (table._index) return table._index;
    var rows = {}, columns = {}, groups = {};
    table.rows.forEach(function (r) { rows[r.id] = r; });
    table.columns.forEach(function (c) { columns[c.id] = c; });
    (function visit(nodes) {
      (nodes || []).forEach(function (n) { if (n.group) groups[n.group] = n.label; visit(n.children); });
    })(table.row_tree);
    Object.defineProperty(table, "_index", { value: { rows: rows, columns: columns, groupLabels: groups } });
    return table._index;
  }

  // checks._Names: official labels for the terms of a rule bound to one row or one column.
  function Names(table, binding) {
    var ix = tableIndex(table);
    function rowLabel(id) {
      if (ix.rows[id]) return ix.rows[id].label;
      return Object.prototype.hasOwnProperty.call(ix.groupLabels, id) ? ix.groupLabels[id] : id;
    }
    function columnLabel(id) {
      var path = ix.columns[id] ? ix.columns[id].path : [id];
      var last = path[path.length - 1];
      var same = table.columns.filter(function (c) { return c.path[c.path.length - 1] === last; });
      return same.length > 1 ? path.join("·") : last;
    }
    function boundColumn() { return columnLabel(table.rows[0].columns[binding.column]); }
    function subject() {
      if (binding.row !== null) return ix.rows[binding.row].hidden_label ? "" : "「" + ix.rows[binding.row].label + "」行";
      return "「" + boundColumn() + "」列";
    }
    return {
      subject: subject,
      cell: function (name) {
        if (binding.row !== null) return subject() + "「" + columnLabel(name) + "」列";
        return "「" + rowLabel(name) + "」行「" + boundColumn() + "」列";
      },
      term: function (term) {
        var label = binding.row !== null ? columnLabel(term.value) : rowLabel(term.value);
        return term.kind === "prev" ? "上年「" + label + "」" : "「" + label + "」";
      },
    };
  }

  // checks._bindings: each_row binds a rule to every data row (names are columns), each_column to
  // every column (names are rows). `rows`: row id → values (null counts as 0); `prev`: last year's.
  function bindings(table, rule, rows, prev) {
    var found = [];
    if (rule.scope === "each_row") {
      table.rows.forEach(function (row) {
        if ((rule.rows.length && rule.rows.indexOf(row.id) < 0) || !(row.id in rows)) return;
        var cells = zip(row.columns, rows[row.id]);
        var prevCells = prev ? zip(row.columns, prev[row.id] || []) : {};
        found.push({ row: row.id, column: null, lookup: function (term) {
          var source = term.kind === "prev" ? prevCells : cells;
          return term.value in source ? (source[term.value] === null ? 0n : source[term.value]) : null;
        } });
      });
      return found;
    }
    table.rows[0].columns.forEach(function (_, index) {
      found.push({ row: null, column: index, lookup: function (term) {
        var source = term.kind === "prev" && prev ? prev : rows;
        var ids = term.kind === "sum" ? (table.groups[term.value] || []) : [term.value];
        if (ids.some(function (id) { return !(id in source); })) return null;
        return ids.reduce(function (total, id) { return pySum(total, source[id][index]); }, 0n);
      } });
    });
    return found;
  }

  // Python's int + int (exact) or int/float + float (as floats); None counts as 0.
  function pySum(a, b) {
    if (b === null || b === undefined) b = 0n;
    return typeof a === "bigint" && typeof b === "bigint" ? a + b : Number(a) + Number(b);
  }

  function zip(keys, values) {  // like Python's zip into a dict: as many pairs as the shorter side
    var out = Object.create(null);
    for (var i = 0; i < Math.min(keys.length, values.length); i++) out[keys[i]] = values[i];
    return out;
  }

  // rules.evaluate: null when a term is unknown (the rule is then skipped).
  function evaluate(expr, lookup) {
    var totals = [];
    for (var s = 0; s < 2; s++) {
      var total = 0;
      var side = s === 0 ? expr.left : expr.right;
      for (var i = 0; i < side.length; i++) {
        var value = side[i].kind === "int" ? Number(side[i].value) : lookup(side[i]);
        if (value === null) return null;
        // Python: float total += sign * value (an int product is exact, then made a float)
        total += typeof value === "bigint" ? Number(BigInt(side[i].sign) * value) : side[i].sign * value;
      }
      totals.push(Number(total.toFixed(6)));  // Python: round(total, 6)
    }
    var l = totals[0], r = totals[1];
    return { holds: { "==": l === r, ">=": l >= r, "<=": l <= r }[expr.op], left: l, right: r };
  }

  function kindOfSum(rule) {
    var terms = rule.expr.right;
    if (terms.some(function (t) { return t.kind === "prev"; })) return "与上年报告衔接";
    if (terms.every(function (t) { return t.sign === 1 && (t.kind === "name" || t.kind === "sum"); })) {
      return rule.scope === "each_row" ? "本行各列之和" : "本列各分项之和";
    }
    return "按勾稽关系";
  }

  function side(terms, names, binding) {
    return terms.map(function (term, index) {
      var sign = index === 0 && term.sign === 1 ? "" : (term.sign === -1 ? "- " : "+ ");
      if (term.kind === "int") return sign + term.value;
      var value = binding.lookup(term);
      return sign + names.term(term) + " " + (value === null ? "空白" : show(value));
    }).join(" ");
  }

  // checks.rule_message
  function ruleMessage(table, rule, binding, left, right) {
    var names = Names(table, binding), expr = rule.expr, lead = expr.left[0];
    if (rule.message) {
      var terms = side(expr.left, names, binding) + " " + expr.op + " " + side(expr.right, names, binding);
      return table.number + names.subject() + "：" + rule.message + "，请核对（规则 " + rule.id + "：" + terms + "）";
    }
    if (expr.left.length === 1 && lead.kind === "name" && lead.sign === 1 && expr.op === "==") {
      var why = kindOfSum(rule);
      return table.number + names.cell(lead.value) + "应为 " + show(right) + "（" + why + "：" +
        side(expr.right, names, binding) + "），实为 " + show(left) + "；请核对这一格和" +
        (why !== "与上年报告衔接" ? "各分项" : "上年报告") + "（规则 " + rule.id + "）";
    }
    return table.number + names.subject() + "不满足勾稽关系" + rule.text + "：" + side(expr.left, names, binding) +
      " = " + show(left) + "，" + OP_ZH[expr.op] + " " + side(expr.right, names, binding) + " = " + show(right) +
      "；请核对这些格（规则 " + rule.id + "）";
  }

  // checks._cell_keys: the cell a rule's problem is about (its first term, in the bound row or column).
  function cellOf(table, rule, binding, rows) {
    var first = rule.expr.left[0].value;
    if (binding.row !== null) {
      var index = tableIndex(table).rows[binding.row].columns.indexOf(first);
      return { row: binding.row, index: index >= 0 ? index : null };
    }
    return { row: first in rows ? first : (Object.keys(rows)[0] || ""), index: binding.column };
  }

  function problem(code, severity, message, table, row, index) {
    return { code: code, severity: severity, message: message, table: table.id, row: row, index: index };
  }

  // Last year's values (from its report.json) as Python holds them: whole numbers as ints.
  function pythonRows(rows) {
    var out = {};
    Object.keys(rows).forEach(function (id) {
      out[id] = rows[id].map(function (v) { return typeof v === "number" && Number.isSafeInteger(v) ? BigInt(v) : v; });
    });
    return out;
  }

  // checks.check_table with table_values._read_rows: every problem of one table. `raws`: row id →
  // the cells as the file holds them (parseCell); `prev`: last year's rows (values), or null.
  function checkTable(table, raws, prev) {
    var problems = [], rows = {};
    prev = prev ? pythonRows(prev) : null;
    table.rows.forEach(function (row) {
      var ix = tableIndex(table);
      rows[row.id] = row.columns.map(function (columnId, index) {
        var read = readCell(table, row, ix.columns[columnId], raws[row.id][index]);
        if (read.problem) problems.push(problem(read.problem[0], read.problem[1], read.problem[2], table, row.id, index));
        return read.value;
      });
    });
    table.rules.forEach(function (rule) {
      var usesPrev = rule.expr.left.concat(rule.expr.right).some(function (t) { return t.kind === "prev"; });
      if (usesPrev && !prev) return;
      bindings(table, rule, rows, prev).forEach(function (binding) {
        var outcome = evaluate(rule.expr, binding.lookup);
        if (outcome === null || outcome.holds) return;
        var at = cellOf(table, rule, binding, rows);
        var message = ruleMessage(table, rule, binding, outcome.left, outcome.right);
        problems.push(problem(rule.code, rule.severity, message, table, at.row, at.index));
      });
    });
    return problems;
  }

  root.XxgkRules = { parseCell: parseCell, pyRepr: pyRepr, show: show, asRead: asRead, checkTable: checkTable,
                     readQuantity: readQuantity };
})(typeof window !== "undefined" ? window : globalThis);
