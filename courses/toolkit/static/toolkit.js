// Shows the print buttons of result pages (they need JavaScript) and makes them print.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
