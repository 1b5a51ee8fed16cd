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
  // Pickers over large tables (institutions, people, agreements): <select data-autocomplete>
  // holds only the chosen row and asks the endpoint for matches as the user types. Its
  // data-autocomplete-params name other fields of the form whose values narrow the choice
  // (the agreements of the chosen partner, on the chosen dates). Texts come translated from
  // the page: data-placeholder, data-no-results, data-error.
  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text || "";
    return div.innerHTML;
  }
  function autocomplete(select) {
    var params = JSON.parse(select.dataset.autocompleteParams || "{}");
    var form = select.form;
    var failed = false;
    var picker = new TomSelect(select, {
      valueField: "value",
      labelField: "text",
      searchField: [],
      maxOptions: null,
      loadThrottle: 250,
      preload: "focus",
      allowEmptyOption: false,
      closeAfterSelect: true,
      placeholder: select.dataset.placeholder || texts.picker_placeholder,
      plugins: select.required ? [] : ["clear_button"],
      // The endpoint has matched already (apostrophes and scripts included): keep its order.
      score: function () { return function () { return 1; }; },
      load: function (query, callback) {
        var search = new URLSearchParams({ q: query });
        Object.keys(params).forEach(function (key) {
          var field = form && form.elements[params[key]];
          if (field && field.value) { search.set(key, field.value); }
        });
        failed = false;
        fetch(select.dataset.autocomplete + "?" + search.toString(), {
          credentials: "same-origin",
          headers: { Accept: "application/json" }
        }).then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.json();
        }).then(function (data) {
          callback(data.results);
        }).catch(function () {
          failed = true;
          callback();
        });
      },
      render: {
        no_results: function () {
          var text = failed ? select.dataset.error : (select.dataset.noResults || texts.picker_no_results);
          return '<div class="no-results">' + escapeHtml(text || "") + "</div>";
        }
      }
    });
    // A narrowing field changed: what was found before may no longer fit.
    Object.keys(params).forEach(function (key) {
      var field = form && form.elements[params[key]];
      if (!field || !field.addEventListener) { return; }
      field.addEventListener("change", function () {
        picker.clearOptions();
        picker.clearCache();
      });
    });
  }
  function pickers(root) {
    if (typeof TomSelect === "undefined") { return; }
    root.querySelectorAll("select[data-tom-select]").forEach(function (select) {
      if (select.tomselect) { return; }
      // Tom Select points the label at its own input: the select keeps its name this way.
      var label = select.labels && select.labels[0];
      if (label && !select.hasAttribute("aria-label")) {
        select.setAttribute("aria-label", label.textContent.trim());
      }
      if (select.dataset.autocomplete) {
        autocomplete(select);
      } else {
        new TomSelect(select, Object.assign({ maxOptions: 300, allowEmptyOption: true }, pickerTexts(select)));
      }
    });
  }
  // Formset rows added and removed without saving: "Add" copies the formset's empty form
  // (<template id="<prefix>-empty-row">) under the next index; "Remove" on a row not yet
  // saved empties and hides it, which the formset then leaves out as an untouched extra row.
  function formsetAdd(button) {
    var prefix = button.dataset.formsetAdd;
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var template = document.getElementById(prefix + "-empty-row");
    var rows = document.querySelector('[data-formset="' + prefix + '"]');
    if (!total || !template || !rows) { return; }
    var index = parseInt(total.value, 10);
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
    var row = holder.firstElementChild;
    rows.appendChild(row);
    total.value = String(index + 1);
    pickers(row);
    // The new row's picker is not opened: its list would cover the rows below.
    row.scrollIntoView({ block: "nearest" });
  }
  function formsetRemove(button) {
    var row = button.closest("fieldset");
    if (!row) { return; }
    row.querySelectorAll("select").forEach(function (select) {
      if (select.tomselect) { select.tomselect.clear(true); }
      Array.prototype.forEach.call(select.options, function (option) {
        option.selected = option.defaultSelected;
      });
    });
    row.querySelectorAll("input:not([type=hidden]), textarea").forEach(function (field) {
      field.value = field.defaultValue;
    });
    row.hidden = true;
  }
  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-formset-add]");
    if (add) { formsetAdd(add); return; }
    var remove = event.target.closest("[data-formset-remove]");
    if (remove) { formsetRemove(remove); }
  });
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
  // A checklist page: every item of its lists gets a checkbox, ticked boxes kept in this
  // browser only (localStorage, per page), and a button prints the page.
  document.querySelectorAll("[data-checklist]").forEach(function (list) {
    var key = "hamkor-checklist:" + list.dataset.checklist;
    var ticked = {};
    try { ticked = JSON.parse(window.localStorage.getItem(key) || "{}"); } catch (error) { ticked = {}; }
    list.querySelectorAll("li").forEach(function (item, index) {
      var box = document.createElement("input");
      box.type = "checkbox";
      box.className = "form-check-input";
      box.checked = Boolean(ticked[index]);
      box.addEventListener("change", function () {
        ticked[index] = box.checked;
        try { window.localStorage.setItem(key, JSON.stringify(ticked)); } catch (error) { /* private mode */ }
      });
      var label = document.createElement("label");
      label.append(box);
      var text = document.createElement("span");
      while (item.firstChild) { text.append(item.firstChild); }
      label.append(text);
      item.append(label);
    });
    list.classList.add("checklist-ready");
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  document.body.addEventListener("htmx:afterSwap", function (event) { pickers(event.target); });
  // Widths given by the server (a progress bar's share): data-width="42" becomes 42 % through
  // the CSSOM, which the CSP allows, where a style="" attribute would be refused.
  function widths(root) {
    root.querySelectorAll("[data-width]").forEach(function (element) {
      var value = Math.min(100, Math.max(0, parseFloat(element.dataset.width) || 0));
      element.style.width = value + "%";
    });
  }
  widths(document);
  document.body.addEventListener("htmx:load", function (event) { widths(event.target); });
})();
