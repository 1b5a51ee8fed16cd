/* Hamkor's widgets on another site (the university's main site):

     <script src="https://hamkor.example.uz/static/website/embed.js"
             data-hamkor-widget="achievements" data-lang="ru" async></script>

   puts the widget in an <iframe> where the script tag stands, in the chosen language
   (uz, uz-cyrl, ru or en; otherwise the page's own language if it is one of them, else
   Uzbek), and keeps the frame as tall as its content through the messages the widget
   posts (embed-frame.js). Nothing else is read from or written to the host page. */
(function () {
  "use strict";
  var LANGUAGES = ["uz", "uz-cyrl", "ru", "en"];

  function language(script) {
    var wanted = [script.getAttribute("data-lang"), document.documentElement.lang];
    for (var i = 0; i < wanted.length; i++) {
      var code = (wanted[i] || "").toLowerCase();
      if (LANGUAGES.indexOf(code) >= 0) return code;
    }
    return "uz";
  }

  function insert(script) {
    if (script.getAttribute("data-hamkor-done")) return;
    script.setAttribute("data-hamkor-done", "1");
    var widget = (script.getAttribute("data-hamkor-widget") || "").toLowerCase();
    if (!/^[a-z][a-z-]*$/.test(widget)) return;
    var origin = new URL(script.src, document.baseURI).origin;
    var frame = document.createElement("iframe");
    frame.src = origin + "/" + language(script) + "/embed/" + widget + "/";
    frame.title = script.getAttribute("data-title") || widget;
    frame.loading = "lazy";
    frame.setAttribute("scrolling", "no");
    frame.className = "hamkor-widget";
    frame.style.cssText = "display:block;width:100%;border:0;height:12rem;";
    window.addEventListener("message", function (event) {
      var data = event.data;
      if (event.origin !== origin || event.source !== frame.contentWindow) return;
      if (!data || data.hamkor !== "height" || typeof data.height !== "number") return;
      frame.style.height = Math.max(0, Math.ceil(data.height)) + "px";
    });
    script.parentNode.insertBefore(frame, script.nextSibling);
  }

  if (document.currentScript) {
    insert(document.currentScript);
  } else {
    var scripts = document.querySelectorAll("script[data-hamkor-widget]");
    for (var i = 0; i < scripts.length; i++) insert(scripts[i]);
  }
})();
