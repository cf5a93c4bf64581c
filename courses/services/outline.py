"""The course outline beside every lesson, as data (`courses/_outline.html` writes it).

A published release never changes, so its outline is read once per process and kept (a few
hundred releases at most, least recently used dropped first); each page then only marks the
current lesson and the ones done.
"""
from collections import namedtuple

from markupsafe import Markup

from lms.memo import LRU

CACHE_SIZE = 256
_OUTLINES = LRU(CACHE_SIZE)


OutlineLesson = namedtuple("OutlineLesson", "id title current done")
# `lessons` is the module's lessons when it is the current lesson's module, else None; `first`
# is the id of its first lesson (None for a module without lessons), `done` and `total` count
# its lessons
OutlineModule = namedtuple("OutlineModule", "title lessons first done total")


class _Outline:
    __slots__ = ("modules", "flat", "index", "discussions", "module_of", "module_ids")

    def __init__(self, outline):
        # [(module title, ((lesson id, lesson title), ...)), ...]
        self.modules = tuple((module["title"],
                              tuple((int(item["id"]), item["title"])
                                    for item in module["lessons"]))
                             for module in outline)
        self.flat = tuple({"id": int(item["id"]), "title": item["title"]}
                          for module in outline for item in module["lessons"])
        self.index = {item["id"]: n for n, item in enumerate(self.flat)}
        # lesson id -> its module's number; each module's lesson ids
        self.module_of = {lesson_id: n for n, (_title, lessons) in enumerate(self.modules)
                          for lesson_id, _lesson in lessons}
        self.module_ids = tuple(frozenset(lesson_id for lesson_id, _title in lessons)
                                for _title, lessons in self.modules)
        # the last lesson of a module -> the module's discussion prompt (sanitised HTML)
        self.discussions = {int(module["lessons"][-1]["id"]): module["discussion"]
                            for module in outline
                            if module.get("discussion") and module["lessons"]}


def _cached(release):
    """The release's outline, read from the release row (its `outline` column may be
    deferred by the query) only the first time this process needs it."""
    # the publication time is part of the key: SQLite may give a deleted release's id again
    key = (release.id, release.published_at)
    found = _OUTLINES.get(key)
    if found is None:
        found = _Outline(release.outline)
        _OUTLINES.put(key, found)
    return found


def lesson_ids_of(release):
    """The ids of the release's lessons (a mapping: `in` is all it is for)."""
    return _cached(release).index


def neighbours(release, lesson_id):
    """The lessons before and after `lesson_id` in reading order ({"id", "title"} or None)."""
    outline = _cached(release)
    index = outline.index[lesson_id]
    before = outline.flat[index - 1] if index > 0 else None
    after = outline.flat[index + 1] if index + 1 < len(outline.flat) else None
    return before, after


def discussion_after(release, lesson_id):
    """The discussion prompt of the module that `lesson_id` ends, as safe HTML, or None."""
    found = _cached(release).discussions.get(lesson_id)
    return Markup(found) if found else None


def lesson_outline(release, current_id, done):
    """The outline beside a lesson: every module in order (OutlineModule), the lesson's own
    with its lessons (OutlineLesson: the current one and the done ones marked), the others
    with their first lesson and how many of their lessons are `done` (a set of lesson ids).

    On a phone the outline comes before the lesson, so a long course must not push the lesson
    down by hundreds of links: the course page has the whole outline."""
    outline = _cached(release)
    own = outline.module_of.get(current_id)
    modules = []
    for n, (title, lessons) in enumerate(outline.modules):
        if n == own:
            modules.append(OutlineModule(title, tuple(
                OutlineLesson(lesson_id, lesson_title, lesson_id == current_id,
                              lesson_id in done) for lesson_id, lesson_title in lessons),
                lessons[0][0], None, len(lessons)))
        else:
            modules.append(OutlineModule(
                title, None, lessons[0][0] if lessons else None,
                len(outline.module_ids[n].intersection(done)) if lessons else 0, len(lessons)))
    return modules
