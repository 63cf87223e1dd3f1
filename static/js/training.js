// The 15-minute line-up timer: counts down to data-ends; the page works without it.
(function () {
  "use strict";
  var timer = document.querySelector(".lineup-timer[data-ends]");
  if (!timer) { return; }
  var clock = timer.querySelector(".timer-clock");
  var ends = Date.parse(timer.getAttribute("data-ends"));
  if (!clock || isNaN(ends)) { return; }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var left = Math.round((ends - Date.now()) / 1000);
    var sign = left < 0 ? "+" : "";
    var abs = Math.abs(left);
    clock.textContent = sign + pad(Math.floor(abs / 60)) + ":" + pad(abs % 60);
    timer.classList.toggle("is-over", left < 0);
  }
  tick();
  window.setInterval(tick, 1000);
})();
