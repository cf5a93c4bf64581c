/* The SCORM tests' learning platform: it reads a package's imsmanifest.xml and launches a SCO
   in a frame with scorm-again's Scorm12API, a new API for every launch (an LMS opens one session
   per launch). Between sessions it keeps what a platform keeps (localStorage of this origin):
   a learner who leaves and comes back, even in another tab, gets the SCO's data again, with
   cmi.core.entry "resume" after an exit of "suspend", as SCORM 1.2 platforms such as Moodle do.
   Every call the SCO makes is logged with its arguments, result and error code. */
(function () {
  "use strict";

  var CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
  var ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
  var METHODS = ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit",
                 "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"];
  var base = new URLSearchParams(window.location.search).get("package");
  var lms = {sessions: [], scos: {}, launch: launch, leave: leave, stored: stored,
             forgetAnswers: forgetAnswers};
  window.lms = lms;

  function stored(sco) {
    return JSON.parse(window.localStorage.getItem("lms:" + base + sco) || "null");
  }

  function keep(sco, cmi) {
    window.localStorage.setItem("lms:" + base + sco, JSON.stringify(cmi));
  }

  function forgetAnswers(sco) {
    // as a platform that keeps only the status and score of a finished attempt
    var cmi = stored(sco);
    cmi.suspend_data = "";
    cmi.core.lesson_location = "";
    keep(sco, cmi);
  }

  function readManifest(text) {
    var manifest = new DOMParser().parseFromString(text, "application/xml");
    var hrefs = {};
    Array.prototype.forEach.call(manifest.getElementsByTagNameNS(CP, "resource"), function (r) {
      hrefs[r.getAttribute("identifier")] = r.getAttribute("href");
    });
    Array.prototype.forEach.call(manifest.getElementsByTagNameNS(CP, "item"), function (item) {
      var mastery = item.getElementsByTagNameNS(ADLCP, "masteryscore")[0];
      var href = hrefs[item.getAttribute("identifierref")];
      lms.scos[href] = {
        title: item.getElementsByTagNameNS(CP, "title")[0].textContent,
        mastery: mastery ? mastery.textContent : ""
      };
    });
  }

  function startingData(sco) {
    // what the platform hands a SCO: who the learner is, and what the last session left
    var previous = stored(sco);
    var core = {student_id: "lea-1", student_name: "Learner, Lea", credit: "credit",
                lesson_mode: "normal"};
    var data = {core: core, student_data: {mastery_score: lms.scos[sco].mastery}};
    if (!previous) {
      core.entry = "ab-initio";
      return data;
    }
    core.entry = previous.core.exit === "suspend" ? "resume" : "";
    core.lesson_status = previous.core.lesson_status;
    core.lesson_location = previous.core.lesson_location;
    core.total_time = previous.core.total_time;
    core.score = previous.core.score;
    data.suspend_data = previous.suspend_data;
    return data;
  }

  function recorded(api, session, name, original) {
    return function () {
      var args = Array.prototype.slice.call(arguments);
      var result = original.apply(api, args);
      var error = String(api.lmsGetLastError());
      session.calls.push([name, args, String(result), error]);
      if (name === "LMSCommit" || name === "LMSFinish") {
        if (String(result) === "true") {
          keep(session.sco, api.renderCommitCMI(name === "LMSFinish").cmi);
        }
      }
      return result;
    };
  }

  function start(sco) {
    var api = new window.Scorm12API({autocommit: false, lmsCommitUrl: false, logLevel: 5,
                                     mastery_override: true});
    var session = {sco: sco, calls: [], entry: ""};
    api.loadFromJSON(startingData(sco));
    session.entry = api.cmi.core.entry;
    METHODS.forEach(function (name) { api[name] = recorded(api, session, name, api[name]); });
    lms.sessions.push(session);
    window.API = api;
    document.getElementById("sco").src = base + sco;
  }

  function leave() {
    // the learner goes elsewhere in the platform: the SCO's frame is emptied
    var frame = document.getElementById("sco");
    return new Promise(function (resolve) {
      if (!frame.getAttribute("src") || frame.getAttribute("src") === "about:blank") {
        resolve();
        return;
      }
      frame.addEventListener("load", function emptied() {
        frame.removeEventListener("load", emptied);
        resolve();
      });
      frame.src = "about:blank";
    });
  }

  function launch(sco) {
    // as a platform does, the SCO shown before is unloaded (its session ends) first
    return leave().then(function () { start(sco); });
  }

  lms.ready = window.fetch(base + "imsmanifest.xml").then(function (response) {
    return response.text();
  }).then(readManifest);
}());
