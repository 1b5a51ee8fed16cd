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
  document.body.addEventListener("htmx:afterSwap", function (event) { pickers(event.target); });
})();
