// One standard table of the editors' form: laid out from its format document's grid (made by
// generator/pages/table_layout.py, the code behind the report pages, so the header trees, spans and
// labels are the report page's), with a field in every value cell, named by its row and column
// headers. Moving like a spreadsheet: arrow keys, Enter / Shift+Enter; a block pasted from Word or
// Excel (tab-separated rows) fills the cells from the one it is pasted into.
(function (root) {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== undefined) node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A header or text cell as templates/_macros.html grid_table writes it.
  function textCell(c) {
    var node = el(c.th ? "th" : "td", { id: c.id || undefined, scope: c.scope || undefined });
    if (c.colspan) node.colSpan = c.colspan;
    if (c.rowspan) node.rowSpan = c.rowspan;
    if (c.hidden) {
      node.className = c.th ? "sr-only-cell" : "note sr-only-cell";
      node.appendChild(el("span", { class: "visually-hidden" }, c.text));
    } else {
      node.textContent = c.text;
      if (c.sticky) node.className = (c.th ? "" : "note ") + "lvl-" + c.sticky;
      else if (!c.th) node.className = "note";
    }
    return node;
  }

  // The ids in a value cell's `headers` that name its row (row and group labels) come first in the
  // field's name, then its column headers: "1.属于国家秘密 … 法人或其他组织 商业企业".
  function labelIds(headers, rowHeaderIds) {
    var ids = headers.split(" ");
    var rows = ids.filter(function (id) { return rowHeaderIds[id]; });
    return rows.concat(ids.filter(function (id) { return !rowHeaderIds[id]; })).join(" ");
  }

  // A column's label as the checks' messages name it (checks._Names.column_label): its own label,
  // or its whole header path where the label alone is ambiguous (表三 has three 「结果维持」).
  function shortLabel(table, column) {
    var last = column.path[column.path.length - 1];
    var same = table.columns.filter(function (c) { return c.path[c.path.length - 1] === last; });
    return same.length > 1 ? column.path.join("·") : last;
  }

  // A value cell: its column's label (shown on phones only) and the field, named by its headers.
  function valueCell(table, c, column, index, rowHeaderIds) {
    var td = el("td", { headers: c.headers, class: "ed-td" });
    if (c.colspan) td.colSpan = c.colspan;
    td.appendChild(el("span", { class: "ed-col", "aria-hidden": "true" }, shortLabel(table, column)));
    td.appendChild(el("input", {
      type: "text", id: "c-" + table.id + "-" + c.cell[0] + "-" + index, class: "ed-cell",
      inputmode: column.type === "signed_count" ? "text" : "decimal", autocomplete: "off", spellcheck: "false",
      "aria-labelledby": labelIds(c.headers, rowHeaderIds),
      "data-table": table.id, "data-row": c.cell[0], "data-index": String(index), "data-column": column.id,
    }));
    return td;
  }

  // Builds the table; returns {node, fields: [[input, …] per data row, printed order]}.
  function buildTable(table, onField) {
    var grid = table.grid, columns = {}, rowHeaderIds = {}, fields = [], byRow = {};
    table.columns.forEach(function (c) { columns[c.id] = c; });
    grid.bodies.forEach(function (body) {
      body.forEach(function (row) {
        row.forEach(function (c) { if (c.scope === "row" || c.scope === "rowgroup") rowHeaderIds[c.id] = true; });
      });
    });
    var node = el("table", { class: "ed-grid", id: grid.id });
    // the table's name for screen readers; on screen the heading above says it
    var caption = el("caption", { id: grid.id + "-caption" });
    caption.appendChild(el("span", { class: "visually-hidden" }, table.number + " " + table.caption));
    node.appendChild(caption);
    function row(cells, tag) {
      var tr = el("tr");
      var labelsOnly = !cells.some(function (c) { return c.cell; });
      if (labelsOnly) tr.className = cells.length === 1 ? "ed-block-title" : (tag === "tbody" ? "ed-head-row" : "");
      cells.forEach(function (c) {
        if (!c.cell) { tr.appendChild(textCell(c)); return; }
        var rowId = c.cell[0];
        if (!byRow[rowId]) { byRow[rowId] = []; fields.push(byRow[rowId]); }
        var td = valueCell(table, c, columns[c.cell[1]], byRow[rowId].length, rowHeaderIds);
        byRow[rowId].push(td.lastChild);
        onField(td.lastChild);
        tr.appendChild(td);
      });
      return tr;
    }
    [["thead", grid.head]].concat(grid.bodies.map(function (b) { return ["tbody", b]; })).forEach(function (part) {
      if (!part[1].length) return;
      var section = el(part[0]);
      part[1].forEach(function (cells) { section.appendChild(row(cells, part[0])); });
      node.appendChild(section);
    });
    return { node: node, fields: fields };
  }

  // Where a key moves focus from field (r, c) of `fields`; null: stay. Left and right move once
  // the caret is at the edge of the text (or the whole text is selected, as on arriving).
  function target(fields, r, c, key, shift, input) {
    var len = input.value.length, start = input.selectionStart, end = input.selectionEnd;
    var whole = start === 0 && end === len;
    var dr = 0, dc = 0;
    if (key === "ArrowUp" || (key === "Enter" && shift)) dr = -1;
    else if (key === "ArrowDown" || key === "Enter") dr = 1;
    else if (key === "ArrowLeft" && (whole || end === 0)) dc = -1;
    else if (key === "ArrowRight" && (whole || start === len)) dc = 1;
    else return null;
    var row = fields[r + dr];
    if (!row || (dc && (c + dc < 0 || c + dc >= row.length))) return null;
    return row[Math.min(c + dc, row.length - 1)];
  }

  // Arrow keys and Enter move between the fields of one table.
  function navigate(fields, event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("ed-cell")) return;
    if (["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Enter"].indexOf(event.key) < 0) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var r = fields.findIndex(function (row) { return row.indexOf(input) >= 0; });
    var next = target(fields, r, fields[r].indexOf(input), event.key, event.shiftKey, input);
    if (event.key === "Enter") event.preventDefault();  // Enter never submits the form
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  // A block copied from Word or Excel: rows of tab-separated cells. Leading cells that are not
  // numbers (row labels copied along) are left out where the row would not fit otherwise.
  function pasteBlock(fields, input, text, isNumber) {
    var lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
    var r = fields.findIndex(function (row) { return row.indexOf(input) >= 0; });
    var c = fields[r].indexOf(input);
    var filled = [], left = 0;
    lines.forEach(function (line, i) {
      var cells = line.split("\t");
      var row = fields[r + i];
      if (!row) { left += cells.length; return; }
      var room = row.length - c;
      while (cells.length > room && cells.length && !isNumber(cells[0])) cells.shift();
      cells.forEach(function (value, j) {
        if (j >= room) { left++; return; }
        row[c + j].value = value.trim();
        filled.push(row[c + j]);
      });
    });
    return { filled: filled, left: left, rows: Math.min(lines.length, fields.length - r) };
  }

  root.XxgkGrid = { buildTable: buildTable, navigate: navigate, pasteBlock: pasteBlock };
})(window);
