// The strategy targets' chart: the share of each target reached (and, in the current year,
// the share expected by today), from the JSON the page carries (#targets-chart-data). The
// table beside it holds the same numbers.
(function () {
  "use strict";
  var source = document.getElementById("targets-chart-data");
  var canvas = document.getElementById("targets-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var box = canvas.parentElement;
  box.style.height = (56 * data.labels.length + 72) + "px";
  var datasets = [{
    label: data.names.percent,
    data: data.percent,
    backgroundColor: "rgba(13, 110, 253, 0.75)",
  }];
  if (data.expected.some(function (value) { return value !== null; })) {
    datasets.push({
      label: data.names.expected,
      data: data.expected,
      backgroundColor: "rgba(108, 117, 125, 0.45)",
    });
  }
  new Chart(canvas, {
    type: "bar",
    data: { labels: data.labels, datasets: datasets },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { beginAtZero: true, suggestedMax: 100, ticks: { callback: function (v) { return v + " %"; } } },
        y: {
          ticks: {
            // Long figure names are cut short (the table gives them whole) so the bars keep room.
            callback: function (value) {
              var label = this.getLabelForValue(value);
              // Chart.js gives the axis at most half the width: the labels fit in it.
              var room = Math.max(10, Math.min(28, Math.floor(canvas.clientWidth / 2 / 8.5)));
              return label.length > room ? label.slice(0, room - 1) + "…" : label;
            },
          },
        },
      },
      plugins: { legend: { position: "bottom" } },
    },
  });
})();
