"""The courses plugin's tables."""
from courses.models.assessment import (AssessmentAnswer, AssessmentAttempt, AssessmentDimension,
                                       AssessmentScore, AssessmentStatement, AssessmentTool)
from courses.models.course import Course, Lesson, Module
from courses.models.learning import Cohort, Completion, Enrolment, Progress
from courses.models.media import MediaFile
from courses.models.quiz import (QUESTION_KINDS, Option, Question, Quiz, QuizAnswer,
                                 QuizAttempt, QuizChoice)
from courses.models.release import Release, ReleasedLesson
from courses.models.resource import ToolkitResource

__all__ = ["Course", "Module", "Lesson", "Release", "ReleasedLesson", "Enrolment", "Progress",
           "Completion", "Cohort", "MediaFile", "AssessmentTool",
           "AssessmentDimension", "AssessmentStatement", "AssessmentAttempt", "AssessmentAnswer",
           "AssessmentScore", "Quiz", "Question", "Option", "QuizAttempt", "QuizAnswer",
           "QuizChoice", "QUESTION_KINDS", "ToolkitResource"]
