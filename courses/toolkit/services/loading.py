"""Finding the tool, dimension or attempt a URL names, or answering 404."""
from flask import abort
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from courses.models.assessment import AssessmentAttempt, AssessmentDimension, AssessmentTool
from lms.extensions import db
from lms.permissions import can


def tool_by_slug(slug, with_statements=False):
    """The tool; a draft only for those who may edit it (others get 404)."""
    statement = select(AssessmentTool).where(AssessmentTool.slug == slug)
    if with_statements:
        statement = statement.options(selectinload(AssessmentTool.dimensions)
                                      .selectinload(AssessmentDimension.statements))
    tool = db.session.scalar(statement)
    if tool is None or not (tool.published
                            or can(current_user, "courses.edit_assessment", tool)):
        abort(404)
    return tool


def dimension_of(tool, dimension_id):
    dimension = db.session.get(AssessmentDimension, dimension_id)
    if dimension is None or dimension.tool_id != tool.id:
        abort(404)
    return dimension


def own_attempt(tool, attempt_id):
    """The attempt, only for the person who made it: nobody else reads individual answers."""
    attempt = db.session.get(AssessmentAttempt, attempt_id)
    if attempt is None or attempt.tool_id != tool.id or attempt.user_id != current_user.id:
        abort(404)
    return attempt
