/* Live preview of a lesson's Markdown: posts the text to the server, shows the safe HTML. */
(function () {
  "use strict";
  var form = document.getElementById("lesson-form");
  var target = document.getElementById("lesson-preview");
  if (!form || !target || !window.fetch) { return; }
  var body = form.querySelector("textarea[name=body]");
  var token = form.querySelector("input[name=csrf_token]");
  var timer = null;
  var latest = 0;

  function refresh() {
    var ticket = ++latest;
    var data = new FormData();
    data.append("body", body.value);
    fetch(form.getAttribute("data-preview-url"), {
      method: "POST", body: data, credentials: "same-origin",
      headers: token ? {"X-CSRFToken": token.value} : {}
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (answer) {
      if (answer && ticket === latest) { target.innerHTML = answer.html; }
    }).catch(function () { /* the Preview button still works */ });
  }

  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
}());
