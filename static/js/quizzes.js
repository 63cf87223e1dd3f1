// Progressive enhancement: a countdown next to the attempt's deadline. The server enforces it.
(function () {
  "use strict";
  var el = document.querySelector("[data-deadline]");
  if (!el) { return; }
  var deadline = new Date(el.getAttribute("data-deadline")).getTime();
  var label = el.textContent;
  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var minutes = Math.floor(left / 60);
    var seconds = String(left % 60).padStart(2, "0");
    el.textContent = label + " (" + minutes + ":" + seconds + ")";
    if (left > 0) { window.setTimeout(tick, 1000); }
  }
  tick();
})();
