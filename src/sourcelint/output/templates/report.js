(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("evidence").textContent);
  var details = document.getElementById("details");
  function line(label, value) {
    var row = document.createElement("div");
    var name = document.createElement("strong");
    name.textContent = label + ": ";
    row.appendChild(name);
    row.appendChild(document.createTextNode(value === null || value === undefined || value === "" ? "—" : String(value)));
    return row;
  }
  function describe(ref) {
    var item = data.items[ref];
    var box = document.createElement("section");
    box.className = "detail detail-" + item.kind;
    var title = document.createElement("h3");
    title.textContent = item.title;
    box.appendChild(title);
    item.fields.forEach(function (pair) { box.appendChild(line(pair[0], pair[1])); });
    return box;
  }
  function show(segment) {
    var refs = (segment.getAttribute("data-refs") || "").split(" ").filter(Boolean);
    details.replaceChildren();
    if (!refs.length) { details.textContent = "Nothing here: focus a highlighted span."; return; }
    refs.forEach(function (ref) { details.appendChild(describe(ref)); });
  }
  document.querySelectorAll(".seg[data-refs]").forEach(function (segment) {
    segment.addEventListener("focus", function () { show(segment); });
    segment.addEventListener("mouseenter", function () { show(segment); });
  });
  document.querySelectorAll("[data-goto]").forEach(function (button) {
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-goto"));
      if (!target) { return; }
      target.scrollIntoView({ block: "center" });
      target.focus();
    });
  });
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-filter"), !box.checked);
    });
  });
  document.querySelectorAll(".seg[data-refs]").forEach(function (segment) {
    segment.addEventListener("keydown", function (event) {
      if (event.key !== "n" && event.key !== "p") { return; }
      var all = Array.prototype.slice.call(document.querySelectorAll(".seg[data-refs]"));
      var next = all[all.indexOf(segment) + (event.key === "n" ? 1 : -1)];
      if (next) { next.focus(); event.preventDefault(); }
    });
  });
})();
