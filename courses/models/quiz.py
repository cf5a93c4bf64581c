"""Quizzes: a quiz lesson's questions and options, and the attempts learners make."""
from datetime import datetime

from sqlalchemy import Float, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.timeutil import utcnow

QUESTION_KINDS = ("single", "multiple", "true_false", "short", "matching")


class Quiz(db.Model):
    """The settings of a lesson of kind "quiz"; the lesson gives it its title and place."""
    __tablename__ = "courses_quiz"

    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(
        ForeignKey("courses_lesson.id", ondelete="CASCADE"), unique=True)
    intro: Mapped[str] = mapped_column(Text, default="")
    pass_mark: Mapped[int] = mapped_column(default=70)            # percent
    max_attempts: Mapped[int | None]                              # None: as many as wanted
    shuffle: Mapped[bool] = mapped_column(default=True)
    opens_at: Mapped[datetime | None]                             # naive UTC
    closes_at: Mapped[datetime | None]

    lesson: Mapped["Lesson"] = relationship()  # noqa: F821
    # every question ever kept, retired ones too: attempts and releases refer to them
    questions: Mapped[list["Question"]] = relationship(
        back_populates="quiz", cascade="all, delete-orphan", order_by="Question.position")

    @property
    def current_questions(self):
        """The draft's questions: those not retired, in order."""
        return [question for question in self.questions if not question.retired]


class Question(db.Model):
    __tablename__ = "courses_quiz_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("courses_quiz.id", ondelete="CASCADE"),
                                         index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(16))
    prompt: Mapped[str] = mapped_column(Text)
    # shown with the results, whatever was answered
    feedback: Mapped[str] = mapped_column(Text, default="")
    # short answer: the accepted answers, one per line, compared once normalised
    accepted_answers: Mapped[str] = mapped_column(Text, default="")
    # deleted from the draft while a release or an attempt still refers to it: the row (its
    # identity) stays, the editor and the next release leave it out
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())

    quiz: Mapped[Quiz] = relationship(back_populates="questions")
    options: Mapped[list["Option"]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="Option.position")

    @property
    def current_options(self):
        return [option for option in self.options if not option.retired]

    @property
    def accepted(self):
        return [line.strip() for line in self.accepted_answers.splitlines() if line.strip()]


class Option(db.Model):
    """A choice; for true/false its text is "true" or "false"; for matching, a pair."""
    __tablename__ = "courses_quiz_option"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("courses_quiz_question.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(String(500))
    correct: Mapped[bool] = mapped_column(default=False)
    # matching: the right-hand side that belongs to `text`
    match: Mapped[str] = mapped_column(String(500), default="")
    feedback: Mapped[str] = mapped_column(String(1000), default="")
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())

    question: Mapped[Question] = relationship(back_populates="options")


class QuizAttempt(db.Model):
    __tablename__ = "courses_quiz_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("courses_quiz.id", ondelete="CASCADE"),
                                         index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # the published version whose questions were answered (None: made before versions of
    # quizzes were kept, or that version was deleted)
    release_id: Mapped[int | None] = mapped_column(
        ForeignKey("courses_release.id", ondelete="SET NULL"))
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    score: Mapped[int]                                            # percent
    passed: Mapped[bool]

    answers: Mapped[list["QuizAnswer"]] = relationship(cascade="all, delete-orphan")


class QuizAnswer(db.Model):
    """What one attempt answered to one question, and the share of the marks it earned."""
    __tablename__ = "courses_quiz_answer"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("courses_quiz_attempt.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(
        ForeignKey("courses_quiz_question.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column(Float)                   # 0 to 1
    text: Mapped[str] = mapped_column(String(500), default="")    # a short answer as given

    choices: Mapped[list["QuizChoice"]] = relationship(cascade="all, delete-orphan")


class QuizChoice(db.Model):
    """An option chosen; for matching, the left-hand option and the pair whose right-hand side
    was put next to it."""
    __tablename__ = "courses_quiz_choice"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(
        ForeignKey("courses_quiz_answer.id", ondelete="CASCADE"), index=True)
    option_id: Mapped[int] = mapped_column(
        ForeignKey("courses_quiz_option.id", ondelete="CASCADE"), index=True)
    matched_option_id: Mapped[int | None] = mapped_column(
        ForeignKey("courses_quiz_option.id", ondelete="CASCADE"))
    correct: Mapped[bool] = mapped_column(default=False)
