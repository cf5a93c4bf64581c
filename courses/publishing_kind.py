"""Courses as publishable content: a course's published version as an lms.publishing snapshot."""
import re
from html import escape
from urllib.parse import urlsplit

from flask import has_request_context, request
from flask_babel import force_locale, gettext as _
from sqlalchemy import select

from courses.demo import DEMO_SLUG
from courses.forms import TOPICS
from courses.models import Course, MediaFile, Release, ReleasedLesson
from courses.quizzes.services.loading import released_quiz
from courses.services.authoring import trainers
from courses.services.media import path_for
from lms.converters import id_from
from lms.extensions import db
from lms.licences import licence as find_licence
from lms.models import Membership, Organisation
from lms.permissions import can
from lms.publishing import Asset, Choice, Part, PublishableKind, Question, Snapshot
from lms.urls import external_url, site_url


MEDIA_URL = re.compile(r"/courses/media/([0-9a-f]{64})(?![0-9a-f])")
LINK = re.compile(r'\b(href|src)="([^"]*)"')
SITE_PATH = re.compile(r"/courses/(?:media/(?P<sha256>[0-9a-f]{64})|"
                       r"(?P<slug>[^/?#]+)/lessons/(?P<lesson>\d+))/?")
IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT = re.compile(r"""\salt=("([^"]*)"|'([^']*)')""", re.IGNORECASE)


class CourseKind(PublishableKind):
    name = "courses.course"
    formats = ("imscc", "scorm12", "html", "epub", "pdf")

    @property
    def label(self):
        return _("Course")

    def load(self, key):
        found = id_from(key)
        return db.session.get(Course, found) if found is not None else None

    def key(self, item):
        return str(item.id)

    def title(self, item):
        return item.title

    def may_publish(self, user, item):
        return can(user, "courses.edit", item)

    def candidates(self, user):
        courses = db.session.scalars(select(Course).where(Course.published_version > 0)
                                     .order_by(Course.title)).all()
        return [course for course in courses if self.may_publish(user, course)]

    def missing(self, item):
        release, lessons = _release(item)
        found = []
        if release is None:
            found.append(_("The course has never been published for learners: publish it "
                           "from its outline first."))
        if find_licence(item.licence) is None:
            found.append(_("The course has no open licence: choose one in its description."))
        if not item.summary.strip():
            found.append(_("The course has no summary: write one in its description."))
        if release is not None and not lessons:
            found.append(_("The published version has no lesson."))
        for lesson in lessons:
            if lesson.kind == "quiz" and not _released_quiz(lesson)["questions"]:
                found.append(_("The quiz “%(title)s” has no questions.", title=lesson.title))
            if any(not _alt(tag) for tag in IMAGE.findall(lesson.body_html)):
                found.append(_("An image in the lesson “%(title)s” has no alternative text.",
                               title=lesson.title))
        if item.cover_id and not item.cover_alt.strip():
            found.append(_("The cover image has no alternative text."))
        hashes = _media_hashes(item, lessons)
        stored = _media(hashes)
        if any(sha not in stored for sha in hashes):
            found.append(_("A lesson uses a file that is no longer in the media store."))
        return found

    def demo_items(self):
        """The demo course (not its German version): published by the demo as it stands."""
        course = db.session.scalar(select(Course).where(Course.slug == DEMO_SLUG))
        return [course] if course is not None else []

    def snapshot(self, item):
        release, lessons = _release(item)
        stored = _media(_media_hashes(item, lessons))
        by_id = {lesson.lesson_id: lesson for lesson in lessons}
        part_ids = {lesson.lesson_id: _part_id(lesson) for lesson in lessons}

        def links(html):
            return _package_links(html, item.slug, stored, part_ids)
        modules = []
        for number, module in enumerate(release.outline, start=1):
            module_id = module.get("id", number)
            parts = [_lesson_part(by_id[entry["id"]], links)
                     for entry in module["lessons"] if entry["id"] in by_id]
            if module.get("discussion"):
                parts.append(Part(id=f"discussion-{module_id}", kind="discussion",
                                  title=_discussion_title(item, module["title"]),
                                  html=links(module["discussion"])))
            modules.append(Part(id=f"module-{module_id}", title=module["title"],
                                kind="section", parts=parts))
        trainers = _trainers(item)
        with force_locale(item.language):
            keywords = [str(TOPICS[item.topic])] if item.topic in TOPICS else []
            details = _details(item)
        assets = [_asset(media) for media in stored.values()]
        cover = next((a.name for a in assets if item.cover and a.sha256 == item.cover.sha256),
                     "")
        return Snapshot(
            kind=self.name, key=self.key(item), title=item.title,
            description=item.summary.strip(), language=item.language, licence=item.licence,
            source_url=external_url("courses.show", slug=item.slug),
            authors=[user.display_name for user in trainers],
            organisations=_organisations(trainers), keywords=keywords,
            resource_type="course", details=details, parts=modules, assets=assets,
            cover=cover, cover_alt=item.cover_alt if cover else "")


def _release(course):
    """The published version and its lessons, or (None, [])."""
    if not course.published_version:
        return None, []
    release = db.session.scalar(select(Release).where(
        Release.course_id == course.id, Release.number == course.published_version))
    if release is None:
        return None, []
    lessons = db.session.scalars(select(ReleasedLesson).where(
        ReleasedLesson.release_id == release.id)).all()
    order = {lesson_id: n for n, lesson_id in enumerate(release.lesson_ids)}
    return release, sorted(lessons, key=lambda lesson: order.get(lesson.lesson_id, 0))


def _alt(tag):
    match = ALT.search(tag)
    return match and (match.group(2) or match.group(3) or "").strip()


def _media_hashes(course, lessons):
    """The media store's files the published lessons, prompts and cover use, in order, once."""
    found = []
    texts = [lesson.body_html for lesson in lessons]
    if lessons:
        release = db.session.get(Release, lessons[0].release_id)
        texts += [module.get("discussion", "") for module in release.outline]
    for text in texts:
        found += MEDIA_URL.findall(text)
    if course.cover is not None:
        found.append(course.cover.sha256)
    return list(dict.fromkeys(found))


def _media(hashes):
    if not hashes:
        return {}
    files = db.session.scalars(select(MediaFile).where(MediaFile.sha256.in_(hashes))).all()
    by_hash = {media.sha256: media for media in files}
    return {sha: by_hash[sha] for sha in hashes if sha in by_hash}


def _asset_name(media):
    return f"media/{media.sha256}.{media.extension}"


def _asset(media):
    return Asset(name=_asset_name(media), media_type=media.content_type, size=media.size,
                 sha256=media.sha256, source=str(path_for(media.sha256)),
                 title=media.alt_text or media.original_name)


def _site_prefixes():
    """(host, path prefix) under which a link reaches this site: its public address, and the
    host this request came in on (trainers paste the addresses they see)."""
    site = urlsplit(site_url())
    found = [(site.netloc.lower(), site.path.rstrip("/"))]
    if has_request_context():
        found.append((request.host.lower(), request.script_root.rstrip("/")))
    return found


def _package_links(html, slug, stored, part_ids):
    """Links that stay inside the package: the media store's files become the package-relative
    `media/<sha256>.<ext>`, links to the course's own lessons `<part id>.html` (the snapshot's
    form, lms.publishing.Part). Other links to this site get its public address (SITE_URL), so
    they work wherever the package is opened; links elsewhere stay as they are."""
    prefixes = _site_prefixes()

    def replace(match):
        attribute, url = match.groups()
        try:
            address = urlsplit(url)
        except ValueError:
            return match.group(0)
        if address.scheme or address.netloc:
            on_site = address.scheme in ("http", "https")
            prefix = next((path for host, path in prefixes if on_site and (
                address.netloc.lower() == host and (address.path + "/").startswith(path + "/"))),
                None)
            if prefix is None:
                return match.group(0)
            rest = url.split(address.netloc, 1)[1][len(prefix):]
        elif url.startswith("/") and not url.startswith("//"):
            prefix = next((path for _host, path in prefixes
                           if (address.path + "/").startswith(path + "/")), "")
            rest = url[len(prefix):]
        else:
            return match.group(0)
        found = SITE_PATH.fullmatch(address.path[len(prefix):])
        if found and found["sha256"] in stored:
            target = _asset_name(stored[found["sha256"]])
        elif found and found["slug"] == slug and id_from(found["lesson"]) in part_ids:
            target = f"{part_ids[id_from(found['lesson'])]}.html" + (
                f"#{address.fragment}" if address.fragment else "")
        else:
            target = site_url() + (rest if rest.startswith("/") else "/" + rest)
        return f'{attribute}="{target}"'
    return LINK.sub(replace, html)


def _part_id(lesson):
    return f"{'quiz' if lesson.kind == 'quiz' else 'lesson'}-{lesson.lesson_id}"


def _lesson_part(lesson, links):
    html = links(lesson.body_html)
    if lesson.kind != "quiz":
        return Part(id=_part_id(lesson), title=lesson.title, kind="page", html=html)
    quiz = _released_quiz(lesson)
    intro = f"<p>{escape(quiz['intro'])}</p>" if quiz["intro"] else ""
    return Part(id=_part_id(lesson), title=lesson.title, kind="quiz",
                html=html + intro, pass_mark=quiz["pass_mark"],
                questions=[_question(q) for q in quiz["questions"]])


def _released_quiz(lesson):
    """The quiz as learners take it in this release (not the trainers' draft)."""
    return released_quiz(lesson.release_id, lesson.lesson_id) or {
        "intro": "", "pass_mark": None, "questions": []}


def _question(question):
    return Question(id=f"q{question['id']}", kind=question["kind"], prompt=question["prompt"],
                    feedback=question["feedback"], accepted=list(question["accepted_answers"]),
                    choices=[Choice(id=f"o{option['id']}", text=option["text"],
                                    correct=option["correct"], feedback=option["feedback"],
                                    match=option["match"]) for option in question["options"]])


def _discussion_title(course, module_title):
    with force_locale(course.language):
        return _("Discussion: %(module)s", module=module_title)


def _details(course):
    details = []
    if course.outcome_list:
        details.append((_("Learning outcomes"), "\n".join(course.outcome_list)))
    if course.audience.strip():
        details.append((_("Who it is for"), course.audience.strip()))
    if course.estimated_hours:
        details.append((_("Estimated hours of learning"), str(course.estimated_hours)))
    return details


def _trainers(course):
    return trainers(course)


def _organisations(users):
    if not users:
        return []
    names = db.session.scalars(
        select(Organisation.name).join(Membership, Membership.organisation_id == Organisation.id)
        .where(Membership.user_id.in_([user.id for user in users]),
               Membership.status == "active")
        .order_by(Organisation.name).distinct()).all()
    return list(names)
