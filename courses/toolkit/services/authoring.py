"""Building self-assessment tools: tools, dimensions, their statements and advice."""

from sqlalchemy import func, select

from courses.models import Course
from courses.models.assessment import AssessmentDimension, AssessmentStatement, AssessmentTool
from courses.services import markup
from courses.toolkit import BANDS
from courses.services.access import TRAINER
from lms import slugs
from lms.extensions import db
from lms.models import RoleAssignment
from lms.permissions import site_role


def statement_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


RESERVED_SLUGS = frozenset({"new"})


def unique_slug(title):
    return slugs.unique_slug(AssessmentTool, title, fallback="tool", reserved=RESERVED_SLUGS)


def editable_courses(user):
    """The courses `user` may attach a tool to: all for admins, else those they train."""
    statement = select(Course).order_by(Course.title)
    if site_role(user) != "admin":
        statement = statement.join(RoleAssignment, (RoleAssignment.scope_id == Course.id)
                                   & (RoleAssignment.scope_type == Course.__tablename__)
                                   & (RoleAssignment.role == TRAINER)
                                   & (RoleAssignment.user_id == user.id))
    return db.session.scalars(statement).all()


def tools_of_course(course):
    """The published tools that belong to `course`, for its page."""
    return db.session.scalars(select(AssessmentTool).where(
        AssessmentTool.course_id == course.id, AssessmentTool.status == "published")
        .order_by(AssessmentTool.title)).all()


def create_tool(author, **fields):
    tool = AssessmentTool(slug=unique_slug(fields["title"]), created_by_id=author.id, **fields)
    db.session.add(tool)
    db.session.flush()
    return tool


def update_tool(tool, **fields):
    for name, value in fields.items():
        setattr(tool, name, value)
    db.session.flush()


def set_status(tool, status):
    tool.status = status
    db.session.flush()


def save_dimension(tool, dimension, *, title, description, statements, advice):
    """Create (dimension None) or update a dimension; `advice` maps band -> Markdown.

    Statements are matched by their text, so an unchanged statement keeps its answers and a
    re-worded one starts afresh; earlier results keep their stored scores either way.
    """
    if dimension is None:
        position = db.session.scalar(select(func.coalesce(func.max(
            AssessmentDimension.position), 0)).where(AssessmentDimension.tool_id == tool.id))
        dimension = AssessmentDimension(tool=tool, position=position + 1)
        db.session.add(dimension)
    dimension.title, dimension.description = title, description
    for band in BANDS:
        setattr(dimension, f"advice_{band}", advice[band])
        setattr(dimension, f"advice_{band}_html", markup.render(advice[band]))
    existing = {statement.text: statement for statement in dimension.statements}
    kept = []
    for position, line in enumerate(statement_lines(statements), start=1):
        statement = existing.pop(line, None) or AssessmentStatement(text=line)
        statement.position = position
        kept.append(statement)
    dimension.statements = kept
    db.session.flush()
    return dimension


def move_dimension(dimension, step):
    """Swap the dimension with its neighbour above (step -1) or below (step 1)."""
    siblings = dimension.tool.dimensions
    index = siblings.index(dimension)
    other = index + step
    if 0 <= other < len(siblings):
        neighbour = siblings[other]
        dimension.position, neighbour.position = neighbour.position, dimension.position
        db.session.flush()
        db.session.expire(dimension.tool, ["dimensions"])


def delete_dimension(dimension):
    db.session.delete(dimension)
    db.session.flush()


def statement_count(tool):
    return sum(len(dimension.statements) for dimension in tool.dimensions)
