/* Inside a Hamkor widget's frame: tell the page that frames it how tall the content is, so
   that embed.js sizes the frame without a scroll bar. The height is no secret: any page
   framing the widget may read it ("*"). */
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = 0;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ hamkor: "height", height: height, path: location.pathname }, "*");
  }
  if ("ResizeObserver" in window) {
    new ResizeObserver(report).observe(document.documentElement);
  }
  window.addEventListener("load", report);
  report();
})();
