// Hamkor's small scripts. No inline script anywhere: the CSP forbids it.
(function () {
  "use strict";
  // htmx posts carry Django's CSRF token from the cookie-less meta of every form.
  document.body.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) { event.detail.headers["X-CSRFToken"] = token.value; }
  });
})();
