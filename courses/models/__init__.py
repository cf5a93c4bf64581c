"""The courses plugin's tables."""
from courses.models.course import Course, Lesson, Module
from courses.models.learning import Cohort, Completion, Enrolment, Invitation, Progress
from courses.models.media import MediaFile
from courses.models.release import Release, ReleasedLesson

__all__ = ["Course", "Module", "Lesson", "Release", "ReleasedLesson", "Enrolment", "Progress",
           "Completion", "Cohort", "Invitation", "MediaFile"]
