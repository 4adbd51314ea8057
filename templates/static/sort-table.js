// Sortable comparison tables (progressive: without JavaScript the table is complete and ordered
// by region and township). Header cells become buttons; rows sort within their own <tbody>, so a
// region's group stays together; a row of class "group-row" stays first in its group.
(function () {
  function key(row, index, numeric) {
    var cell = row.children[index];
    if (!cell) { return numeric ? null : ""; }
    if (!numeric) { return cell.textContent.trim(); }
    var raw = cell.getAttribute("data-value");
    return raw === null || raw === "" ? null : parseFloat(raw);
  }
  function sort(table, index, numeric, descending) {
    var bodies = table.tBodies;
    for (var b = 0; b < bodies.length; b++) {
      var rows = Array.prototype.slice.call(bodies[b].rows).filter(function (r) { return !r.classList.contains("group-row"); });
      rows.sort(function (x, y) {
        var a = key(x, index, numeric), c = key(y, index, numeric);
        if (a === null || c === null) { return a === c ? 0 : (a === null ? 1 : -1); }  // blanks last
        var order = numeric ? a - c : a.localeCompare(c, "zh-CN");
        return descending ? -order : order;
      });
      rows.forEach(function (r) { bodies[b].appendChild(r); });
    }
  }
  function setup(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var descending = th.getAttribute("aria-sort") === "ascending";
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        sort(table, index, th.getAttribute("data-sort") === "number", descending);
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), setup);
  });
})();
