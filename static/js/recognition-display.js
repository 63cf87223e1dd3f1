// Display mode: show one story at a time and move on every few seconds.
// Without JavaScript every story is listed and the page still refreshes itself.
(function () {
  "use strict";
  function start() {
    var root = document.querySelector(".display");
    if (!root) { return; }
    var stories = root.querySelectorAll("[data-story]");
    if (stories.length < 2) { return; }
    var seconds = parseInt(root.getAttribute("data-cycle-seconds"), 10) || 12;
    var index = 0;
    document.body.classList.add("js-cycling");
    stories[0].classList.add("active");
    window.setInterval(function () {
      stories[index].classList.remove("active");
      index = (index + 1) % stories.length;
      stories[index].classList.add("active");
    }, seconds * 1000);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
