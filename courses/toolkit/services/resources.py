"""Toolkit resources of a course: attaching, listing and removing templates and checklists."""
from sqlalchemy import func, select

from courses.models import Course, ToolkitResource
from courses.toolkit.services import files
from lms.extensions import db


def of_course(course):
    return db.session.scalars(select(ToolkitResource).where(
        ToolkitResource.course_id == course.id).order_by(ToolkitResource.position)).all()


def of_public_courses():
    """Resources of published courses, for the toolkit's page, in one query."""
    return db.session.execute(
        select(ToolkitResource, Course).join(Course, Course.id == ToolkitResource.course_id)
        .where(Course.status.in_(("published", "archived")), Course.published_version > 0)
        .order_by(Course.title, ToolkitResource.position)).all()


def attach(course, uploader, *, title, kind, description, filename, content, content_type):
    """Store the file by its hash and attach it to `course` as the last resource."""
    highest = db.session.scalar(select(func.max(ToolkitResource.position)).where(
        ToolkitResource.course_id == course.id))
    resource = ToolkitResource(
        course_id=course.id, position=(highest or 0) + 1, title=title, kind=kind,
        description=description, filename=filename, content_type=content_type,
        size=len(content), sha256=files.store(content),
        uploaded_by_id=uploader.id if uploader else None)
    db.session.add(resource)
    db.session.flush()
    return resource


def remove(resource):
    """Detach the resource. Its file stays in the store: files are kept by content, so another
    resource may share it, and a request that fails later must not have lost it."""
    db.session.delete(resource)
    db.session.flush()
