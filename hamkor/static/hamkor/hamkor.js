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
