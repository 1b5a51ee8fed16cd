/* The dashboard's charts and partner map, drawn from the numbers the page carries as JSON
 * (<script type="application/json">, written by Django's json_script): no inline script,
 * as the content security policy requires. Each chart's numbers are also in the table
 * beside it, so nothing here is the only way to read them. */
(function () {
  "use strict";

  // Colour-blind-safe colours (Okabe and Ito), one per series; stacks repeat them.
  var COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
    "#000000", "#999999", "#882255"];

  function readJson(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  // A legend entry does not wrap: on a narrow chart a long one is cut with an ellipsis
  // (the tooltip and the table keep the whole name).
  function shortenedLabels(chart) {
    var labels = Chart.defaults.plugins.legend.labels.generateLabels(chart);
    var room = Math.max(12, Math.floor((chart.width - 40) / 7));
    labels.forEach(function (label) {
      if (label.text.length > room) {
        label.text = label.text.slice(0, room - 1) + "\u2026";
      }
    });
    return labels;
  }

  function chartOptions(spec) {
    var horizontal = spec.style === "horizontal";
    var stacked = spec.style === "stacked" || spec.style === "grouped";
    var single = spec.datasets.length === 1;
    var valueAxis = { beginAtZero: true, stacked: stacked, ticks: { precision: 0 } };
    var categoryAxis = { stacked: stacked, ticks: { autoSkip: !horizontal } };
    return {
      locale: spec.language,
      indexAxis: horizontal ? "y" : "x",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: {
          display: !single,
          position: "bottom",
          labels: { boxWidth: 12, generateLabels: shortenedLabels }
        },
        tooltip: { mode: "index", intersect: false }
      }
    };
  }

  function drawChart(canvas) {
    var spec = readJson(canvas.dataset.chart);
    if (!spec || typeof Chart === "undefined") {
      return;
    }
    var datasets = spec.datasets.map(function (dataset, index) {
      var copy = Object.assign({}, dataset);
      copy.backgroundColor = COLOURS[index % COLOURS.length];
      copy.borderWidth = 0;
      return copy;
    });
    canvas.chart = new Chart(canvas, {
      type: "bar",
      data: { labels: spec.labels, datasets: datasets },
      options: chartOptions(spec)
    });
  }

  function drawMap(container) {
    var data = readJson(container.dataset.map);
    if (!data || typeof jsVectorMap === "undefined") {
      return;
    }
    var format = new Intl.NumberFormat(container.dataset.language || undefined);
    container.map = new jsVectorMap({
      selector: "#" + container.id,
      map: "world",
      zoomOnScroll: false,
      zoomButtons: true,
      regionStyle: {
        initial: { fill: "#e5e7eb", stroke: "#ffffff", strokeWidth: 0.5 },
        hover: { fillOpacity: 0.8 }
      },
      series: {
        regions: [{ attribute: "fill", values: data.bands, scale: data.colours }]
      },
      onRegionTooltipShow: function (event, tooltip, code) {
        var name = data.names[code] || tooltip.text();
        var count = data.values[code] || 0;
        tooltip.text(name + ": " + format.format(count) + " \u2014 " + data.institutions);
      },
      onRegionClick: function (event, code) {
        if (data.urls[code]) {
          window.location.assign(data.urls[code]);
        }
      }
    });
    // The regions with partners say so to the pointer too.
    Object.keys(data.urls).forEach(function (code) {
      var region = container.querySelector('.jvm-region[data-code="' + code + '"]');
      if (region) {
        region.classList.add("has-partners");
      }
    });
    window.addEventListener("resize", function () {
      container.map.updateSize();
    });
  }

  function start() {
    document.querySelectorAll("canvas[data-chart]").forEach(drawChart);
    document.querySelectorAll("[data-map]").forEach(drawMap);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
