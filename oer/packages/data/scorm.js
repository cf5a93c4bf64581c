/* The SCORM 1.2 runtime of one SCO page. It finds the LMS's API and opens one session
   (LMSInitialize) that ends once (LMSFinish) when the learner finishes the module or leaves
   it, with the time spent (cmi.core.session_time) and, unless the module is done, an exit of
   "suspend" so the platform resumes it. The learner checks the quiz questions as often as
   they like; each check that has answers reports the score and status, but a passed status
   and its score are never lowered. Answers and the place in the page are kept in
   cmi.suspend_data and cmi.core.lesson_location and restored when the learner comes back.
   The right answers show once the module is passed. Works offline; without an API the page
   still checks the answers and says that nothing is recorded. */
(function () {
  "use strict";

  var SUSPEND_LIMIT = 4096;     // cmi.suspend_data is a CMIString4096
  var LOCATION_LIMIT = 255;     // cmi.core.lesson_location is a CMIString255
  var TEXT_LIMIT = 200;         // of a short answer kept in the suspend data
  var api = null;
  var open = false;             // between LMSInitialize and LMSFinish
  var startedAt = 0;
  var recorded = {status: "", raw: null};   // what the platform holds of this attempt
  var checked = false;          // the answers' feedback is showing
  var changed = false;          // answers changed since the last check

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function questions() {
    return all(".quiz fieldset[data-kind]");
  }

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

  function get(name) {
    return String(api.LMSGetValue(name) || "");
  }

  function set(name, value) {
    if (open) { api.LMSSetValue(name, String(value)); }
  }

  function commit() {
    if (open) { api.LMSCommit(""); }
  }

  // Messages -------------------------------------------------------------------------------

  function say(name, values, append) {
    var message = document.getElementById("result");
    var text = message.getAttribute("data-" + name).replace(/\{(\w+)\}/g, function (match, key) {
      return String(values && key in values ? values[key] : "");
    });
    message.textContent = append && message.textContent ? message.textContent + " " + text
      : text;
  }

  // Answers --------------------------------------------------------------------------------

  function normalise(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\s+/g, " ").trim().replace(/[.!?;:]+$/, "");
  }

  function inputs(fieldset) {
    return all("input, select", fieldset);
  }

  function answerOf(fieldset) {
    // what the learner gave, as kept in the suspend data; null when nothing
    var kind = fieldset.getAttribute("data-kind");
    var fields = inputs(fieldset);
    if (kind === "short") {
      var text = fields[0].value.trim().slice(0, TEXT_LIMIT);
      return text ? text : null;
    }
    if (kind === "matching") {
      var chosen = fields.map(function (select) { return select.selectedIndex; });
      return chosen.some(function (n) { return n > 0; }) ? chosen : null;
    }
    var values = fields.filter(function (i) { return i.checked; })
      .map(function (i) { return i.value; });
    return values.length ? values : null;
  }

  function giveAnswer(fieldset, value) {
    var kind = fieldset.getAttribute("data-kind");
    var fields = inputs(fieldset);
    if (kind === "short") {
      fields[0].value = String(value);
    } else if (kind === "matching") {
      fields.forEach(function (select, n) {
        var index = Number(value[n]) || 0;
        select.selectedIndex = index < select.options.length ? index : 0;
      });
    } else {
      fields.forEach(function (input) { input.checked = value.indexOf(input.value) !== -1; });
    }
  }

  function scoreQuestion(fieldset) {
    var kind = fieldset.getAttribute("data-kind");
    var answer = JSON.parse(fieldset.getAttribute("data-answer"));
    var fields = inputs(fieldset);
    if (kind === "short") {
      var given = normalise(fields[0].value);
      return answer.some(function (a) { return normalise(a) === given; }) ? 1 : 0;
    }
    if (kind === "matching") {
      var right = fields.filter(function (select, n) { return select.value === answer[n]; });
      return fields.length ? right.length / fields.length : 0;
    }
    var chosen = fields.filter(function (i) { return i.checked; })
      .map(function (i) { return i.value; }).sort();
    return JSON.stringify(chosen) === JSON.stringify(answer.slice().sort()) ? 1 : 0;
  }

  function score() {
    var total = 0;
    var count = 0;
    var passed = true;
    all(".quiz").forEach(function (quiz) {
      var points = 0;
      var fieldsets = all("fieldset[data-kind]", quiz);
      fieldsets.forEach(function (fieldset) { points += scoreQuestion(fieldset); });
      var mark = Number(quiz.getAttribute("data-pass-mark") || 0);
      if (fieldsets.length && 100 * points / fieldsets.length < mark) { passed = false; }
      total += points;
      count += fieldsets.length;
    });
    return {raw: count ? Math.round(100 * total / count) : 100, passed: passed};
  }

  // Feedback -------------------------------------------------------------------------------

  function showFeedback(fieldset) {
    var verdict = fieldset.querySelector(".verdict");
    var share = scoreQuestion(fieldset);
    verdict.textContent = verdict.getAttribute(share === 1 ? "data-right" : "data-wrong");
    verdict.hidden = false;
    var chosen = inputs(fieldset).filter(function (i) { return i.checked; })
      .map(function (i) { return i.value; });
    all(".choice-feedback", fieldset).forEach(function (note) {
      note.hidden = chosen.indexOf(note.getAttribute("data-choice")) === -1;
    });
  }

  function hideFeedback(fieldset) {
    all(".verdict, .choice-feedback", fieldset).forEach(function (note) { note.hidden = true; });
  }

  function revealSolutions() {
    all(".solution").forEach(function (solution) { solution.hidden = false; });
  }

  // What the platform records -------------------------------------------------------------

  function isDone() {
    return recorded.status === "passed" || recorded.status === "completed";
  }

  function record(result) {
    // a pass, and the score that passed, are never lowered
    if (!open || recorded.status === "passed" && !(result.passed && result.raw > recorded.raw)) {
      return;
    }
    set("cmi.core.score.min", "0");
    set("cmi.core.score.max", "100");
    set("cmi.core.score.raw", result.raw);
    recorded = {status: result.passed ? "passed" : "failed", raw: result.raw};
    set("cmi.core.lesson_status", recorded.status);
  }

  function complete() {
    if (!isDone()) {
      recorded.status = "completed";
      set("cmi.core.lesson_status", "completed");
    }
  }

  function position() {
    // the part, heading or question that begins nearest the top of the window ("" while the
    // page's beginning is in view)
    var line = window.innerHeight / 3;
    var found = "";
    var distance = Infinity;
    all("main section[id], main fieldset[id], main h2[id], main h3[id], main h4[id]")
      .forEach(function (element) {
        var top = element.getBoundingClientRect().top;
        if (top <= line && Math.abs(top) < distance) {
          found = element.id;
          distance = Math.abs(top);
        }
      });
    return found;
  }

  function suspendData() {
    var state = {v: 1, c: checked ? 1 : 0, a: {}};
    var text = JSON.stringify(state);
    questions().forEach(function (fieldset) {
      var value = answerOf(fieldset);
      if (value === null) { return; }
      state.a[fieldset.id] = value;
      var longer = JSON.stringify(state);
      if (longer.length > SUSPEND_LIMIT) {
        delete state.a[fieldset.id];
      } else {
        text = longer;
      }
    });
    return text;
  }

  function save(place) {
    set("cmi.suspend_data", suspendData());
    set("cmi.core.lesson_location", (place === undefined ? position() : place)
      .slice(0, LOCATION_LIMIT));
  }

  function restore(data) {
    var state;
    try {
      state = JSON.parse(data);
    } catch (error) {
      return;
    }
    if (!state || typeof state.a !== "object") { return; }
    questions().forEach(function (fieldset) {
      if (Object.prototype.hasOwnProperty.call(state.a, fieldset.id)) {
        giveAnswer(fieldset, state.a[fieldset.id]);
      }
    });
    if (state.c) {
      checked = true;
      questions().forEach(showFeedback);
    }
  }

  function timespan(milliseconds) {
    // CMITimespan: HHHH:MM:SS.SS
    var centiseconds = Math.min(Math.round(milliseconds / 10), 9999 * 360000 + 359999);
    var hours = Math.floor(centiseconds / 360000);
    var minutes = Math.floor(centiseconds / 6000) % 60;
    var seconds = (centiseconds % 6000) / 100;
    return ("000" + hours).slice(-4) + ":" + ("0" + minutes).slice(-2) + ":" +
      (seconds < 10 ? "0" : "") + seconds.toFixed(2);
  }

  function end() {
    // once per session: what the platform keeps, then LMSFinish
    if (!open) { return; }
    save();
    set("cmi.core.exit", isDone() ? "" : "suspend");
    set("cmi.core.session_time", timespan(Date.now() - startedAt));
    open = false;
    api.LMSFinish("");
  }

  function connect() {
    var found = findAPI(window);
    if (!found && window.opener) { found = findAPI(window.opener); }
    if (!found || String(found.LMSInitialize("")) !== "true") {
      document.getElementById("no-api").hidden = false;
      return;
    }
    api = found;
    open = true;
    startedAt = Date.now();
    var raw = get("cmi.core.score.raw");
    recorded = {status: get("cmi.core.lesson_status"), raw: raw === "" ? null : Number(raw)};
    var resumed = get("cmi.core.entry") === "resume";
    var place = get("cmi.core.lesson_location");
    restore(get("cmi.suspend_data"));
    if (recorded.status === "" || recorded.status === "not attempted") {
      recorded.status = "incomplete";
      set("cmi.core.lesson_status", "incomplete");
      commit();
    }
    if (recorded.status === "passed") { revealSolutions(); }
    if (recorded.raw !== null && (recorded.status === "passed" || recorded.status === "failed")) {
      say(recorded.status, {score: recorded.raw});
    }
    if (resumed && place) { goTo(place); }
  }

  function goTo(id) {
    // back to where the learner was; again once pictures above it have taken their room
    var target = document.getElementById(id);
    if (!target) { return; }
    target.scrollIntoView();
    if (document.readyState !== "complete") {
      window.addEventListener("load", function () { target.scrollIntoView(); }, {once: true});
    }
  }

  // What the learner does ------------------------------------------------------------------

  function check() {
    var given = questions().filter(function (fieldset) { return answerOf(fieldset) !== null; });
    if (!given.length) {
      say("unanswered");
      return;
    }
    var result = score();
    questions().forEach(showFeedback);
    checked = true;
    changed = false;
    var before = {status: recorded.status, raw: recorded.raw};
    record(result);
    if (recorded.status === "passed" || result.passed) { revealSolutions(); }
    if (before.status === "passed" && !(result.raw >= before.raw)) {
      say("kept", {score: result.raw, best: before.raw});
    } else {
      say(result.passed ? "passed" : "failed", {score: result.raw});
    }
    save();
    commit();
  }

  function finish() {
    var message = document.getElementById("result");
    if (questions().length) {
      // answers given since the last check count; nothing given, nothing is scored
      if (changed && questions().some(function (q) { return answerOf(q) !== null; })) {
        check();
      }
    } else {
      complete();
      say("completed");
    }
    if (open) {
      end();
      say("finished", null, true);
      all("#check, #finish").forEach(function (button) { button.disabled = true; });
    }
    message.focus();
  }

  function answered(event) {
    var fieldset = event.target.closest("fieldset[data-kind]");
    if (!fieldset) { return; }
    changed = true;
    hideFeedback(fieldset);
    save(fieldset.id);
    commit();
  }

  function watchEnd() {
    // a module without a quiz is completed when its end has been reached
    if (questions().length || !("IntersectionObserver" in window)) { return; }
    var observer = new IntersectionObserver(function (seen) {
      if (seen.some(function (entry) { return entry.isIntersecting; })) {
        complete();
        commit();
        observer.disconnect();
      }
    });
    observer.observe(document.getElementById("end"));
  }

  document.addEventListener("DOMContentLoaded", function () {
    connect();
    var button = document.getElementById("check");
    if (button) {
      button.addEventListener("click", function () {
        check();
        document.getElementById("result").focus();
      });
    }
    document.getElementById("finish").addEventListener("click", finish);
    document.addEventListener("change", answered);
    watchEnd();
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && open) {
      save();
      commit();
    }
  });
  window.addEventListener("pagehide", end);
}());
