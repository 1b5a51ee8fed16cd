/* The public partner map (the partners page and its widget), drawn from the numbers the page
 * carries as JSON (json_script): no inline script, as the content security policy requires.
 * Countries with partners are coloured; hovering one names it, in the page's language, with
 * its number of partners. The list on the page says the same in text. */
(function () {
  "use strict";

  var FILL = "#2171b5";

  function drawMap(container) {
    var source = document.getElementById(container.dataset.partnerMap);
    if (!source || typeof jsVectorMap === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var format = new Intl.NumberFormat(document.documentElement.lang || undefined);
    var fills = {};
    Object.keys(data.values).forEach(function (code) {
      fills[code] = "partner";
    });
    container.map = new jsVectorMap({
      selector: "#" + container.id,
      map: "world",
      zoomOnScroll: false,
      zoomButtons: false,
      regionStyle: {
        initial: { fill: "#e5e7eb", stroke: "#ffffff", strokeWidth: 0.5 },
        hover: { fillOpacity: 0.8 }
      },
      series: {
        regions: [{ attribute: "fill", values: fills, scale: { partner: FILL } }]
      },
      onRegionTooltipShow: function (event, tooltip, code) {
        var count = data.values[code];
        if (count === undefined) {
          event.preventDefault();
          return;
        }
        tooltip.text((data.names[code] || tooltip.text()) + ": " + format.format(count) +
          " \u2014 " + data.label);
      }
    });
    // Redrawn once per frame after the window changes size, and only while the box has one:
    // a box of no height (a full-page screenshot, a collapsing layout) would scale by zero.
    var pending = false;
    window.addEventListener("resize", function () {
      if (pending) {
        return;
      }
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        if (container.offsetWidth > 0 && container.offsetHeight > 0) {
          container.map.updateSize();
        }
      });
    });
  }

  function start() {
    document.querySelectorAll("[data-partner-map]").forEach(drawMap);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
