// The SPARQL editor of /sparql: CodeMirror on the query box; Run posts the query to the endpoint and shows the
// results as a table. Results are data from documents: they are put in the page with textContent only.
(function () {
  "use strict";
  var form = document.getElementById("sparql-form");
  var textarea = document.getElementById("sparql-query");
  var status = document.getElementById("sparql-status");
  var errorBox = document.getElementById("sparql-error");
  var table = document.getElementById("sparql-results");
  var editor = window.CodeMirror
    ? CodeMirror.fromTextArea(textarea, { mode: "application/sparql-query", lineNumbers: true, matchBrackets: true })
    : null;

  function cell(tag, text) {
    var element = document.createElement(tag);
    element.textContent = text;
    return element;
  }

  // An IRI links to itself: the graph's IRIs dereference to their pages.
  function valueNode(term) {
    if (!term) {
      return document.createTextNode("");
    }
    if (term.type === "uri" && /^https?:\/\//.test(term.value)) {
      var link = cell("a", term.value);
      link.href = term.value;
      return link;
    }
    var text = term.value;
    if (term["xml:lang"]) {
      text += " @" + term["xml:lang"];
    }
    return document.createTextNode(text);
  }

  function showResults(json) {
    table.replaceChildren();
    if (typeof json.boolean === "boolean") {
      table.appendChild(document.createElement("tbody")).appendChild(document.createElement("tr"))
        .appendChild(cell("td", String(json.boolean)));
      status.textContent = "";
      return;
    }
    var variables = json.head.vars;
    var headRow = table.appendChild(document.createElement("thead")).appendChild(document.createElement("tr"));
    variables.forEach(function (name) { headRow.appendChild(cell("th", name)); });
    var body = table.appendChild(document.createElement("tbody"));
    json.results.bindings.forEach(function (binding) {
      var row = body.appendChild(document.createElement("tr"));
      variables.forEach(function (name) {
        row.appendChild(document.createElement("td")).appendChild(valueNode(binding[name]));
      });
    });
    status.textContent = json.results.bindings.length + " " + form.dataset.rows;
  }

  function showError(text) {
    errorBox.hidden = false;
    errorBox.textContent = form.dataset.failed + " " + text;
    status.textContent = "";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = editor ? editor.getValue() : textarea.value;
    errorBox.hidden = true;
    errorBox.textContent = "";
    table.replaceChildren();
    status.textContent = form.dataset.running;
    fetch(form.dataset.endpoint, {
      method: "POST",
      headers: { "Accept": "application/sparql-results+json",
                 "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8" },
      body: new URLSearchParams({ query: query })
    }).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (text) { throw new Error(response.status + ": " + text); });
      }
      return response.json();
    }).then(showResults).catch(function (failure) { showError(failure.message); });
  });
})();
