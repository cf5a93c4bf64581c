// Who else has this record open: asks the server every 20 seconds while the page is open and
// writes the names into the live region; says so when someone saved a newer version meanwhile.
(function () {
  var box = document.getElementById("presence");
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute("data-url");
  var version = box.getAttribute("data-version");
  var others = box.querySelector("[data-others]");
  var newer = box.querySelector("[data-newer]");
  function update() {
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) { return; }
        others.textContent = state.others.length ?
          box.getAttribute("data-label") + " " + state.others.join(", ") : "";
        newer.hidden = String(state.version) === version;
      })
      .catch(function () {});
  }
  setInterval(update, 20000);
})();
