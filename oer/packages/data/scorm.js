/* The SCORM 1.2 runtime of one SCO page: finds the LMS's API, scores the page's quiz
   questions in the browser, and reports the lesson status and score. Works offline; without
   an API the page still scores the answers and says that nothing is recorded. */
(function () {
  "use strict";

  var api = null;
  var finished = false;

  function findAPI(win) {
    // SCORM 1.2: walk up the parents (at most a few levels), then try the opener's chain.
    for (var depth = 0; win && depth < 10; depth += 1) {
      try {
        if (win.API) { return win.API; }
      } catch (error) { /* another origin: keep looking */ }
      if (!win.parent || win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  function connect() {
    var found = findAPI(window);
    if (!found && window.opener) { found = findAPI(window.opener); }
    if (found && String(found.LMSInitialize("")) === "true") {
      api = found;
      var status = String(api.LMSGetValue("cmi.core.lesson_status") || "");
      if (status === "" || status === "not attempted") {
        api.LMSSetValue("cmi.core.lesson_status", "incomplete");
        api.LMSCommit("");
      }
    } else {
      document.getElementById("no-api").hidden = false;
    }
  }

  function normalise(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\s+/g, " ").trim().replace(/[.!?;:]+$/, "");
  }

  function scoreQuestion(fieldset) {
    var kind = fieldset.getAttribute("data-kind");
    var answer = JSON.parse(fieldset.getAttribute("data-answer"));
    var inputs = Array.prototype.slice.call(fieldset.querySelectorAll("input, select"));
    if (kind === "short") {
      var given = normalise(inputs[0].value);
      return answer.some(function (a) { return normalise(a) === given; }) ? 1 : 0;
    }
    if (kind === "matching") {
      var right = inputs.filter(function (select, n) { return select.value === answer[n]; });
      return inputs.length ? right.length / inputs.length : 0;
    }
    var chosen = inputs.filter(function (i) { return i.checked; })
      .map(function (i) { return i.value; }).sort();
    return JSON.stringify(chosen) === JSON.stringify(answer.slice().sort()) ? 1 : 0;
  }

  function showFeedback(fieldset, share) {
    var note = fieldset.querySelector(".feedback");
    var text = share === 1 ? note.getAttribute("data-right") : note.getAttribute("data-wrong");
    var extra = note.getAttribute("data-feedback");
    note.textContent = text + (extra ? " " + extra : "");
    note.hidden = false;
  }

  function score() {
    var total = 0;
    var count = 0;
    var passed = true;
    Array.prototype.forEach.call(document.querySelectorAll(".quiz"), function (quiz) {
      var points = 0;
      var questions = quiz.querySelectorAll("fieldset[data-kind]");
      Array.prototype.forEach.call(questions, function (fieldset) {
        var share = scoreQuestion(fieldset);
        showFeedback(fieldset, share);
        points += share;
      });
      var mark = Number(quiz.getAttribute("data-pass-mark") || 0);
      if (questions.length && 100 * points / questions.length < mark) { passed = false; }
      total += points;
      count += questions.length;
    });
    return {count: count, raw: count ? Math.round(100 * total / count) : 100, passed: passed};
  }

  function report(status, result) {
    if (!api || finished) { return; }
    if (result && result.count) {
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
      api.LMSSetValue("cmi.core.score.raw", String(result.raw));
    }
    api.LMSSetValue("cmi.core.lesson_status", status);
    api.LMSCommit("");
  }

  function finish() {
    var button = document.getElementById("finish");
    var message = document.getElementById("result");
    var hasQuiz = document.querySelector(".quiz fieldset[data-kind]") !== null;
    var result = hasQuiz ? score() : null;
    if (hasQuiz) {
      var template = message.getAttribute(result.passed ? "data-passed" : "data-failed");
      message.textContent = template.replace("{score}", String(result.raw));
      report(result.passed ? "passed" : "failed", result);
    } else {
      message.textContent = message.getAttribute("data-completed");
      report("completed", null);
    }
    if (api && !finished) {
      api.LMSFinish("");
      finished = true;
    }
    button.disabled = true;
    message.focus();
  }

  function watchEnd() {
    // a module without a quiz is completed when its end has been reached
    if (document.querySelector(".quiz fieldset[data-kind]") || !("IntersectionObserver" in window)) {
      return;
    }
    var end = document.getElementById("end");
    var observer = new IntersectionObserver(function (seen) {
      if (seen.some(function (entry) { return entry.isIntersecting; })) {
        report("completed", null);
        observer.disconnect();
      }
    });
    observer.observe(end);
  }

  document.addEventListener("DOMContentLoaded", function () {
    connect();
    document.getElementById("finish").addEventListener("click", finish);
    watchEnd();
  });
  window.addEventListener("pagehide", function () {
    if (api && !finished) {
      api.LMSCommit("");
      api.LMSFinish("");
      finished = true;
    }
  });
}());
