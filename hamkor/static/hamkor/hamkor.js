// Hamkor's small scripts. No inline script anywhere: the CSP forbids it.
(function () {
  "use strict";
  // htmx posts carry Django's CSRF token from the cookie-less meta of every form.
  document.body.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) { event.detail.headers["X-CSRFToken"] = token.value; }
  });
  // The texts scripts show, translated by the page (base.html: {% client_texts %}).
  var textsElement = document.getElementById("hamkor-texts");
  var texts = textsElement ? JSON.parse(textsElement.textContent) : {};
  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text || "";
    return div.innerHTML;
  }
  function pickerTexts(select) {
    return {
      placeholder: select.dataset.placeholder || texts.picker_placeholder,
      render: {
        no_results: function () {
          return '<div class="no-results">' + escapeHtml(texts.picker_no_results) + "</div>";
        },
        loading: function () {
          return '<div class="spinner" role="status">' + escapeHtml(texts.picker_loading) + "</div>";
        }
      }
    };
  }
  // Long pickers (partners, people) get a search box: <select data-tom-select>.
  function pickers(root) {
    if (typeof TomSelect === "undefined") { return; }
    root.querySelectorAll("select[data-tom-select]").forEach(function (select) {
      if (!select.tomselect) {
        new TomSelect(select, Object.assign({ maxOptions: 300, allowEmptyOption: true }, pickerTexts(select)));
      }
    });
  }
  pickers(document);
  // Bulk actions on lists: count the selection, "select all on this page", and show the
  // input the chosen action needs (faculty, template, reason).
  function bulk(root) {
    var form = root.querySelector ? root.querySelector("[data-bulk]") : null;
    if (!form) { return; }
    var rows = function () { return document.querySelectorAll("input[data-bulk-row]"); };
    var count = form.querySelector("[data-bulk-count]");
    var all = form.querySelector("[data-bulk-all]");
    var update = function () {
      var n = Array.prototype.filter.call(rows(), function (box) { return box.checked; }).length;
      count.textContent = count.dataset.template.replace("%(count)s", all.checked ? "✓" : n);
    };
    document.querySelectorAll("input[data-bulk-page]").forEach(function (page) {
      page.addEventListener("change", function () {
        rows().forEach(function (box) { box.checked = page.checked; });
        update();
      });
    });
    rows().forEach(function (box) { box.addEventListener("change", update); });
    all.addEventListener("change", update);
    var action = form.querySelector("select[name=action]");
    action.addEventListener("change", function () {
      var kind = action.value.split(":")[0];
      form.querySelectorAll("[data-bulk-for]").forEach(function (input) {
        input.hidden = input.dataset.bulkFor !== kind;
        input.required = !input.hidden && input.tagName === "SELECT";
      });
    });
    update();
  }
  bulk(document);
  document.body.addEventListener("htmx:afterSwap", function (event) { bulk(event.target); });
  // The top bar's live search results close on Escape and on a click elsewhere.
  var search = document.querySelector("[data-global-search]");
  if (search) {
    var results = search.querySelector(".global-search-results");
    var close = function () { results.innerHTML = ""; };
    document.addEventListener("click", function (event) {
      if (!search.contains(event.target)) { close(); }
    });
    search.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); }
    });
  }
  document.body.addEventListener("htmx:afterSwap", function (event) { pickers(event.target); });
})();
