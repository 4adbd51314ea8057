// Reading preferences (适老化): font size and high contrast, kept across pages in localStorage.
// Applied before first paint (the script is in <head>); without JavaScript the page is unchanged.
(function () {
  var root = document.documentElement;
  function load(name) {
    try { return window.localStorage.getItem("xxgk-" + name); } catch (e) { return null; }
  }
  function save(name, value) {
    try { window.localStorage.setItem("xxgk-" + name, value); } catch (e) { /* private mode: not kept */ }
  }
  function apply() {
    var font = load("font") || "0";
    root.classList.remove("font-1", "font-2");
    if (font !== "0") { root.classList.add("font-" + font); }
    root.classList.toggle("contrast", load("contrast") === "1");
    var buttons = document.querySelectorAll("#prefs button");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      var on = b.hasAttribute("data-contrast") ? load("contrast") === "1" : b.getAttribute("data-font") === font;
      b.setAttribute("aria-pressed", on ? "true" : "false");
    }
  }
  apply();
  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("prefs");
    if (!panel) { return; }
    panel.hidden = false;
    panel.addEventListener("click", function (event) {
      var b = event.target.closest("button");
      if (!b) { return; }
      if (b.hasAttribute("data-contrast")) { save("contrast", load("contrast") === "1" ? "0" : "1"); }
      else { save("font", b.getAttribute("data-font")); }
      apply();
    });
    apply();
  });
})();
