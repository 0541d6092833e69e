// nngrade serve: a matrix copied from a spreadsheet (rows on lines, values split by tabs) and
// pasted into one cell of a grid fills the grid from that cell on. Without this script the
// "paste the whole matrix" box under each grid does the same on the server.
"use strict";
document.addEventListener("paste", function (event) {
  var input = event.target;
  if (!input || input.tagName !== "INPUT" || !input.closest("table.grid")) {
    return;
  }
  var text = (event.clipboardData || window.clipboardData).getData("text");
  if (!/[\t\r\n;]/.test(text.trim())) {
    return; // one value: the browser pastes it
  }
  var lines = text.split(/\r?\n/).filter(function (l) { return l.trim() !== ""; });
  var table = input.closest("table.grid");
  var cell = input.closest("td");
  var row0 = cell.parentElement.rowIndex;
  var col0 = cell.cellIndex;
  lines.forEach(function (line, i) {
    var t = line.trim();
    var values = t.indexOf("\t") >= 0 ? t.split("\t") : t.indexOf(";") >= 0 ? t.split(";") : t.split(/\s+/);
    var tr = table.rows[row0 + i];
    if (!tr) {
      return;
    }
    values.forEach(function (v, j) {
      var td = tr.cells[col0 + j];
      var target = td && td.querySelector("input");
      if (target) {
        target.value = v.trim();
      }
    });
  });
  event.preventDefault();
});
