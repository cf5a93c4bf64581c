"""The trainer's report: each learner's progress by module, quizzes, last activity."""
from sqlalchemy import select

from courses.models import Cohort, Completion, Enrolment, Progress
from lms.extensions import db
from lms.models import User


def rows(course, release, cohort_id=None):
    """[{user, cohort, enrolment, by_module: [(done, total)], quizzes: (passed, total),
    done, total, completion}] for every learner of `course`, in name order."""
    statement = (select(Enrolment, User, Cohort).join(User, User.id == Enrolment.user_id)
                 .outerjoin(Cohort, Cohort.id == Enrolment.cohort_id)
                 .where(Enrolment.course_id == course.id).order_by(User.display_name))
    if cohort_id is not None:
        statement = statement.where(Enrolment.cohort_id == cohort_id)
    learners = db.session.execute(statement).all()
    done = {}
    for user_id, lesson_id in db.session.execute(select(Progress.user_id, Progress.lesson_id)
                                                 .where(Progress.course_id == course.id)):
        done.setdefault(user_id, set()).add(lesson_id)
    completions = {c.user_id: c for c in db.session.scalars(
        select(Completion).where(Completion.course_id == course.id))}
    outline = release.outline if release else []
    quiz_ids = [lesson["id"] for module in outline for lesson in module["lessons"]
                if lesson["kind"] == "quiz"]
    result = []
    for enrolment, user, cohort in learners:
        mine = done.get(user.id, set())
        by_module = [(sum(1 for lesson in module["lessons"] if lesson["id"] in mine),
                      len(module["lessons"])) for module in outline]
        result.append({
            "user": user, "cohort": cohort, "enrolment": enrolment, "by_module": by_module,
            "quizzes": (sum(1 for i in quiz_ids if i in mine), len(quiz_ids)),
            "done": sum(d for d, _t in by_module), "total": sum(t for _d, t in by_module),
            "completion": completions.get(user.id)})
    return result


def as_csv(release, table, headers):
    """(header, rows) of the report for its CSV download."""
    modules = [module["title"] for module in (release.outline if release else [])]
    rows = []
    for row in table:
        cells = [row["user"].display_name, row["user"].email,
                 row["cohort"].name if row["cohort"] else "",
                 f"{row['done']}/{row['total']}", f"{row['quizzes'][0]}/{row['quizzes'][1]}",
                 row["enrolment"].last_activity_at.strftime("%Y-%m-%d %H:%M"),
                 row["completion"].completed_at.strftime("%Y-%m-%d")
                 if row["completion"] else ""]
        cells += [f"{d}/{t}" for d, t in row["by_module"]]
        rows.append(cells)
    return headers + modules, rows


def cohorts(course):
    return db.session.scalars(select(Cohort).where(Cohort.course_id == course.id)
                              .order_by(Cohort.name)).all()


def add_cohort(course, name):
    cohort = Cohort(course_id=course.id, name=name)
    db.session.add(cohort)
    db.session.flush()
    return cohort


def move_to_cohort(enrolment, cohort):
    enrolment.cohort_id = cohort.id if cohort else None
    db.session.flush()
