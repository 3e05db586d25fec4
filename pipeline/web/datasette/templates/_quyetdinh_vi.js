{% raw %}/* Datasette's own words that its JavaScript writes (static/table.js), in Vietnamese.
   table.js is deferred: it has run when DOMContentLoaded fires. */
(function () {
  var MENU = {
    "dropdown-sort-asc": "Sắp xếp tăng dần",
    "dropdown-sort-desc": "Sắp xếp giảm dần",
    "dropdown-facet": "Nhóm theo cột này",
    "dropdown-hide-column": "Ẩn cột này",
    "dropdown-show-all-columns": "Hiện mọi cột",
    "dropdown-not-blank": "Chỉ các dòng có giá trị"
  };
  var TYPES = {TEXT: "văn bản (TEXT)", INTEGER: "số nguyên (INTEGER)", REAL: "số thực (REAL)",
               BLOB: "nhị phân (BLOB)", NUMERIC: "số (NUMERIC)"};
  function columnType(text) {
    var m = /^Type: (\S*)( NOT NULL)?$/.exec(text);
    if (!m) return null;
    return "Kiểu dữ liệu: " + (TYPES[m[1]] || m[1] || "không rõ") + (m[2] ? ", không được trống" : "");
  }
  function translate() {
    Object.keys(MENU).forEach(function (cls) {
      document.querySelectorAll(".dropdown-menu a." + cls).forEach(function (a) { a.textContent = MENU[cls]; });
    });
    document.querySelectorAll(".filter-row a[aria-label='Remove this filter']").forEach(function (a) {
      a.setAttribute("aria-label", "Bỏ điều kiện lọc này");
      a.title = "Bỏ điều kiện lọc này";
    });
    document.querySelectorAll("svg.dropdown-menu-icon").forEach(function (svg) {
      svg.setAttribute("aria-label", "Thao tác với cột");
    });
    // The column type is written each time the menu opens.
    document.querySelectorAll(".dropdown-column-type").forEach(function (p) {
      new MutationObserver(function () {
        var vi = columnType(p.innerText);
        if (vi) p.innerText = vi;
      }).observe(p, {childList: true, characterData: true, subtree: true});
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", translate);
  } else {
    translate();
  }
})();{% endraw %}
