"""The SCORM 1.2 package played in a real SCORM runtime (scorm-again's Scorm12API in Chromium)
framed by a learning platform's player, with the package unpacked to a folder of its own and to
Moodle's /pluginfile.php/…/mod_scorm/content/3/: what the learner sees and what the platform
records, session after session."""
import io
import re
import zipfile

import pytest

from lms.publishing import Part
from tests.helpers.browser import check_axe
from tests.helpers.scorm_lms import (MOODLE_PATH, OWN_PATH, SESSION_TIME, Player, calls_made,
                                     describe)

pytestmark = [pytest.mark.browser, pytest.mark.database_independent]
PATHS = pytest.mark.parametrize("path", (OWN_PATH.format(slug="sample-resource-v2"),
                                         MOODLE_PATH))
RIGHT = ("A coordinator", "True", "Schools", "Employers")


@pytest.fixture
def package(build, every_question_kind, context):
    """Module 1: lessons with a picture, media and outside links, and a quiz with a question
    of every kind (pass mark 50 %); module 2: one lesson, no quiz."""
    every_question_kind.parts.append(Part(id="module-2", title="Module 2", kind="section", parts=[
        Part(id="lesson-4", title="Lesson 4", html="<p>Text of the last lesson.</p>")]))
    return zipfile.ZipFile(io.BytesIO(build("scorm12", every_question_kind, context)))


@pytest.fixture
def player(scorm_lms, package, new_page):
    """player(path) -> a learner's tab on the platform, the package unpacked at `path`."""
    def open_at(path=MOODLE_PATH):
        return Player(new_page(), scorm_lms.player(scorm_lms.mount(package, path)))
    return open_at


def check(sco):
    sco.get_by_role("button", name="Check my answers").click()
    return sco.get_by_role("status").inner_text()


def assert_one_clean_session(session):
    """LMSInitialize first and LMSFinish last, once each, and no call the runtime refused."""
    names = [call[0] for call in session["calls"] if call[0] != "LMSGetLastError"]
    assert names[0] == "LMSInitialize" and names[-1] == "LMSFinish", describe(session)
    assert names.count("LMSInitialize") == 1 and names.count("LMSFinish") == 1
    refused = [call for call in session["calls"] if call[3] != "0" or call[2] == "false"]
    assert not refused, describe(session)
    [call] = [c for c in calls_made(session, "LMSSetValue") if c[1][0] == "cmi.core.session_time"]
    time = call[1][1]
    assert re.match(SESSION_TIME, time) and time.index(":") == 4, time


@PATHS
def test_a_learner_fails_checks_again_as_often_as_needed_and_passes(player, path):
    tab = player(path)
    sco = tab.launch("module-1.html")
    frame = tab.sco_frame
    # relative links hold wherever the platform unpacked the package
    frame.wait_for_function("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    assert frame.evaluate("getComputedStyle(document.body).maxWidth") != "none"
    assert not sco.locator("#no-api").is_visible()
    assert tab.stored("module-1.html")["core"]["lesson_status"] == "incomplete"

    sco.get_by_role("radio", name="Nobody").check()
    sco.get_by_label("Coordinator", exact=True).select_option("writes")
    assert check(sco) == ("Not passed yet: you scored 0 %. Change your answers and check them "
                          "again, as often as you like.")
    record = tab.stored("module-1.html")["core"]
    assert (record["lesson_status"], record["score"]["raw"]) == ("failed", "0")
    first = sco.locator("fieldset").first
    assert first.locator(".verdict").inner_text() == "Not right."
    # the right answers stay hidden until the module is passed
    assert not sco.locator(".solution").first.is_visible()
    assert not sco.get_by_text("Coordinator → leads").is_visible()
    check_axe(frame)

    for label in RIGHT:
        sco.get_by_label(label, exact=True).check()
    sco.get_by_label("Your answer").fill("  The Network. ")
    sco.get_by_label("Coordinator", exact=True).select_option("leads")
    sco.get_by_label("Editor", exact=True).select_option("leads")    # one pair of two: half
    assert sco.get_by_role("button", name="Check my answers").is_enabled()
    assert check(sco) == "Passed: you scored 90 %."                 # 4.5 of 5 questions
    record = tab.stored("module-1.html")["core"]
    assert (record["lesson_status"], record["score"]) == (
        "passed", {"raw": "90", "min": "0", "max": "100"})
    # now the right answers show, matching pairs one by one, and the chosen choice's feedback
    matching = sco.locator("#quiz-1-q5 .solution")
    assert matching.inner_text().splitlines() == ["Coordinator → leads", "Editor → writes"]
    assert sco.locator("#quiz-1-q1 .solution").inner_text() == "Right answer: A coordinator"
    assert sco.locator("#quiz-1-q3 .choice-feedback").inner_text() == "Schools: Yes."
    check_axe(frame)

    sco.get_by_role("button", name="Finish this module").click()
    assert sco.get_by_role("status").inner_text().endswith(
        "You have finished this module and your learning platform has recorded it. You can "
        "close it now.")
    [session] = tab.sessions()
    assert_one_clean_session(session)
    assert tab.set_values()["cmi.core.exit"] == ""
    assert tab.stored("module-1.html")["core"]["lesson_status"] == "passed"


@PATHS
def test_a_learner_who_leaves_mid_quiz_comes_back_to_their_answers_and_place(player, path):
    tab = player(path)
    sco = tab.launch("module-1.html")
    sco.get_by_label("A coordinator", exact=True).check()
    sco.get_by_label("Your answer").fill("the network")
    sco.get_by_label("Editor", exact=True).select_option("writes")
    tab.sco_frame.evaluate("document.getElementById('quiz-1-q4').scrollIntoView()")
    tab.leave()
    [session] = tab.sessions()
    assert_one_clean_session(session)
    record = tab.stored("module-1.html")
    assert (record["core"]["exit"], record["core"]["lesson_status"],
            record["core"]["lesson_location"]) == ("suspend", "incomplete", "quiz-1-q4")
    assert record["core"]["score"]["raw"] == ""          # nothing checked, nothing scored
    assert record["suspend_data"]

    # another day, another tab
    again = Player(tab.page.context.new_page(), tab.page.url)
    sco = again.launch("module-1.html")
    [session] = again.sessions()
    assert session["entry"] == "resume"
    assert sco.get_by_label("A coordinator", exact=True).is_checked()
    assert sco.get_by_label("Your answer").input_value() == "the network"
    assert sco.get_by_label("Editor", exact=True).input_value() == "writes"
    assert sco.get_by_label("Coordinator", exact=True).input_value() == ""
    top = again.sco_frame.evaluate("document.getElementById('quiz-1-q4')"
                                   ".getBoundingClientRect().top")
    assert abs(top) < 5, f"the question the learner left at is {top}px from the top"
    check_axe(again.sco_frame)
    sco.get_by_role("radio", name="Nobody").check()
    assert check(sco).startswith("Not passed yet: you scored 30 %.")    # 1.5 of 5
    again.leave()
    assert_one_clean_session(again.sessions()[0])
    assert again.stored("module-1.html")["core"]["total_time"] != "00:00:00"


def test_a_passed_module_stays_passed_and_an_empty_finish_scores_nothing(player):
    tab = player()
    sco = tab.launch("module-1.html")
    sco.get_by_role("button", name="Finish this module").click()
    record = tab.stored("module-1.html")["core"]
    assert (record["lesson_status"], record["score"]["raw"], record["exit"]) == (
        "incomplete", "", "suspend")
    assert "cmi.core.score.raw" not in tab.set_values()

    sco = tab.launch("module-1.html")
    assert check(sco) == "Answer at least one question, then check your answers."
    for label in RIGHT:
        sco.get_by_label(label, exact=True).check()
    assert check(sco) == "Passed: you scored 60 %."            # 3 of 5
    tab.leave()

    # back in the passed module: the right answers show; a worse check keeps the pass
    sco = tab.launch("module-1.html")
    assert tab.sessions()[-1]["entry"] == ""
    assert sco.get_by_role("status").inner_text() == "Passed: you scored 60 %."
    assert sco.locator("#quiz-1-q1 .solution").is_visible()
    sco.get_by_role("radio", name="Nobody").check()
    assert check(sco) == "You scored 40 % this time; the module stays passed with 60 %."
    tab.leave()
    record = tab.stored("module-1.html")["core"]
    assert (record["lesson_status"], record["score"]["raw"]) == ("passed", "60")

    # a platform that keeps only the status and score: nothing answered, Finish changes nothing
    tab.page.evaluate("lms.forgetAnswers('module-1.html')")
    sco = tab.launch("module-1.html")
    assert not sco.get_by_label("A coordinator", exact=True).is_checked()
    sco.get_by_role("button", name="Finish this module").click()
    record = tab.stored("module-1.html")["core"]
    assert (record["lesson_status"], record["score"]["raw"]) == ("passed", "60")
    assert "cmi.core.score.raw" not in tab.set_values()
    for session in tab.sessions():
        assert_one_clean_session(session)


def test_a_module_without_a_quiz_is_completed_at_its_end(player):
    tab = player()
    sco = tab.launch("module-2.html")
    sco.locator("#end").scroll_into_view_if_needed()
    tab.page.wait_for_function("lms.stored('module-2.html').core.lesson_status === 'completed'")
    sco.get_by_role("button", name="Finish this module").click()
    assert sco.get_by_role("status").inner_text().startswith("Module completed.")
    [session] = tab.sessions()
    assert_one_clean_session(session)
    assert "cmi.core.score.raw" not in tab.set_values()
    assert tab.set_values()["cmi.core.exit"] == ""
    assert sco.get_by_role("button", name="Check my answers").count() == 0


def test_links_that_leave_the_module_open_in_a_new_window_and_keep_the_session(player,
                                                                               context):
    tab = player()
    tab.page.context.route("http://localhost/**", lambda route: route.fulfill(
        body="<title>Release</title>", content_type="text/html"))
    sco = tab.launch("module-1.html")
    footer = sco.locator("footer")
    for name in (context.landing_url, "http://localhost/courses/sample-1/", "CC BY-SA 4.0"):
        link = footer.get_by_role("link", name=name)
        assert link.get_attribute("target") == "_blank"
        assert "noopener" in link.get_attribute("rel").split()
    with tab.page.expect_popup() as popup:
        footer.get_by_role("link", name=context.landing_url).click()
    popup.value.wait_for_load_state()
    assert popup.value.url == context.landing_url
    with tab.page.expect_popup() as popup:
        sco.get_by_role("link", name="the interview").click()
    popup.value.wait_for_load_state()
    assert popup.value.url.endswith("/media/interview.mp3")
    # the module is still there and its session open
    assert sco.get_by_role("heading", level=1).inner_text() == "Module 1"
    assert not calls_made(tab.sessions()[0], "LMSFinish")


def test_without_a_platform_the_page_checks_answers_and_says_nothing_is_recorded(
        scorm_lms, package, new_page):
    page = new_page()
    page.goto(scorm_lms.url + scorm_lms.mount(package, MOODLE_PATH) + "module-1.html")
    page.get_by_text("This page is not connected to a learning platform").wait_for()
    check_axe(page)
    page.get_by_label("A coordinator", exact=True).check()
    page.get_by_label("False", exact=True).check()
    assert check(page) == ("Not passed yet: you scored 20 %. Change your answers and check "
                           "them again, as often as you like.")
    assert not page.locator("#quiz-1-q1 .solution").is_visible()
