// The build page asks for the build's state every two seconds and shows it; when the build is
// over it loads the page again, which opens the release or says what failed. Without
// JavaScript the "Check again" link does the same.
(function () {
  "use strict";
  var section = document.querySelector("[data-build-status]");
  if (!section || !window.fetch) { return; }
  var url = section.getAttribute("data-build-status");
  var progress = document.getElementById("build-progress");
  var message = document.getElementById("build-message");
  var reasons = document.getElementById("build-reasons");

  function show(state) {
    if (progress) { progress.max = state.total || 1; progress.value = state.done; }
    if (message.textContent !== state.message) { message.textContent = state.message; }
    if (state.status === "done" || state.status === "failed") {
      // the page itself opens the release, or says what failed: load it again
      window.location.reload();
      return false;
    }
    return true;
  }

  function poll() {
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (state === null || show(state)) { window.setTimeout(poll, 2000); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  if (reasons && !reasons.hidden) { return; }
  window.setTimeout(poll, 1000);
}());
