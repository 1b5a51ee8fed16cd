// Hamkor's small scripts. No inline script anywhere: the CSP forbids it.
(function () {
  "use strict";
  // htmx posts carry Django's CSRF token from the cookie-less meta of every form.
  document.body.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) { event.detail.headers["X-CSRFToken"] = token.value; }
  });
  // Long pickers (partners, people) get a search box: <select data-tom-select>.
  function pickers(root) {
    if (typeof TomSelect === "undefined") { return; }
    root.querySelectorAll("select[data-tom-select]").forEach(function (select) {
      if (!select.tomselect) { new TomSelect(select, { maxOptions: 300, allowEmptyOption: true }); }
    });
  }
  pickers(document);
  document.body.addEventListener("htmx:afterSwap", function (event) { pickers(event.target); });
})();
