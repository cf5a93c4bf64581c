"""The course outline beside every lesson, rendered without a template loop.

A published release never changes, so its outline is escaped once per process and kept (a
few hundred releases at most, least recently used dropped first); each page then only joins
strings and marks the current lesson and the ones done. A course of 200 lessons renders its
outline in a fraction of what the Jinja loop took.
"""
from markupsafe import Markup, escape

from lms.memo import LRU

CACHE_SIZE = 256
_OUTLINES = LRU(CACHE_SIZE)


class _Outline:
    __slots__ = ("modules", "flat", "index", "discussions", "module_of", "module_ids")

    def __init__(self, outline):
        # [(escaped module title, ((lesson id, escaped lesson title), ...)), ...]
        self.modules = tuple((str(escape(module["title"])),
                              tuple((int(item["id"]), str(escape(item["title"])))
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


def lesson_outline_html(release, current_id, done, done_label, progress):
    """The outline beside a lesson: every module in order, the lesson's own with links to its
    lessons (relative to the lesson's address: "169" beside ".../lessons/5"; the current one
    marked with aria-current, the done ones with a check mark and `done_label` for screen
    readers), the others as a link to their first lesson and how many of their lessons are
    done (`progress`, a format string with %(done)d and %(total)d).

    On a phone the outline comes before the lesson, so a long course must not push the lesson
    down by hundreds of links: the course page has the whole outline."""
    outline = _cached(release)
    mark = (' <span class="done-mark">✓<span class="visually-hidden"> '
            f'{escape(done_label)}</span></span>')
    own = outline.module_of.get(current_id)
    out = ["<ol>"]
    for n, (module_title, lessons) in enumerate(outline.modules):
        if n == own:
            out.append(f'<li class="current-module">{module_title}<ol>')
            for lesson_id, title in lessons:
                current = ' aria-current="page"' if lesson_id == current_id else ""
                out.append(f'<li><a href="{lesson_id}"{current}>{title}</a>'
                           f'{mark if lesson_id in done else ""}</li>')
            out.append("</ol></li>")
        elif lessons:
            count = len(outline.module_ids[n].intersection(done))
            out.append(f'<li><a href="{lessons[0][0]}">{module_title}</a> <span class="muted">'
                       f'{escape(progress % {"done": count, "total": len(lessons)})}</span></li>')
        else:
            out.append(f"<li>{module_title}</li>")
    out.append("</ol>")
    return Markup("".join(out))
