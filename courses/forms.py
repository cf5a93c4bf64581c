"""Forms for authoring courses, uploading media, enrolling and inviting."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp, \
    ValidationError

from courses.services import media
from lms.auth.forms import Normalised
from lms.forms import options
from lms.i18n import LANGUAGE_NAMES
from lms.licences import LICENCES

TOPICS = {
    "collaboration": _l("Working together across organisations"),
    "counselling": _l("Counselling and case work"),
    "employment": _l("Work and vocational training"),
    "language": _l("Language learning"),
    "rights": _l("Rights and procedures"),
    "community": _l("Community and participation"),
}
ENROLMENT_MODES = {
    "open": _l("Open: anyone signed in can enrol"),
    "key": _l("With an enrolment key"),
    "invitation": _l("By invitation only"),
}
LESSON_KINDS = {"page": _l("Reading page"), "quiz": _l("Quiz")}
TRANSLATION_STATES = {"up_to_date": _l("up to date"),
                      "outdated": _l("outdated: the original has changed"),
                      "untranslated": _l("not translated yet")}
STATUS_LABELS = {"draft": _l("Draft"), "published": _l("Published"), "archived": _l("Archived")}
SLUG = Regexp(r"^[a-z0-9]+(-[a-z0-9]+)*$",
              message=_l("Use lower-case letters, digits and hyphens, like my-course."))


def drop_nul(value):
    """NUL characters have no place in text, and PostgreSQL refuses them in text columns."""
    return value.replace("\x00", "") if isinstance(value, str) else value


class CoursesForm(FlaskForm):
    """Every form of the plugin: text arrives without NUL characters."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            filters = [*unbound_field.kwargs.get("filters", ()), drop_nul]
            return unbound_field.bind(form=form, filters=filters, **options)


def read_upload(field):
    """The uploaded bytes, or None when nothing was chosen."""
    upload = field.data
    if upload is None or not getattr(upload, "filename", ""):
        return None
    data = upload.read()
    upload.seek(0)
    return data


def check_media(field, data, alt_text, allowed_kinds=("image", "pdf", "audio", "video")):
    """Refuse a wrong type (judged by content) or a file over its kind's limit."""
    found = media.sniff(data[:16])
    if found is None or found[1] not in allowed_kinds:
        raise ValidationError(_l(
            "This file type is not accepted. Upload an image (PNG, JPEG, GIF, WebP), a PDF, "
            "audio (MP3, Ogg, WAV) or video (MP4, WebM)."))
    if len(data) > media.size_limit(found[1]):
        raise ValidationError(_l("This file is too large: the limit for this type is %(mb)s MB.",
                                 mb=media.size_limit(found[1]) // (1024 * 1024)))
    if found[1] == "image" and not alt_text:
        raise ValidationError(_l("Please describe the image in the alternative text."))
    field.checked = (data, *found)


class CourseForm(CoursesForm):
    title = StringField(_l("Title"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please enter the course's title.")), Length(max=200)])
    slug = StringField(_l("Web address"), filters=[Normalised.strip],
                       description=_l("The last part of the course's address; leave empty "
                                      "to make one from the title."),
                       validators=[Optional(), Length(max=200), SLUG])
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=2000)])
    language = SelectField(_l("Language of the course"), choices=options(LANGUAGE_NAMES.items()))
    topic = SelectField(_l("Topic"), choices=options(TOPICS.items()))
    outcomes = TextAreaField(_l("Learning outcomes"), description=_l("One per line."),
                             validators=[Optional(), Length(max=4000)])
    audience = TextAreaField(_l("Who it is for"), validators=[Optional(), Length(max=2000)])
    estimated_hours = IntegerField(_l("Estimated hours of learning"), validators=[
        Optional(),
        NumberRange(min=1, max=500, message=_l("Please enter a number from 1 to 500."))])
    licence = SelectField(_l("Licence"), choices=options(LICENCES.items()), default="CC-BY-SA-4.0")
    cover = FileField(_l("Cover image"), description=_l("PNG, JPEG, GIF or WebP, up to 5 MB."))
    cover_alt = StringField(_l("Alternative text of the cover image"), filters=[Normalised.strip],
                            description=_l("What the image shows, for people who cannot see it."),
                            validators=[Optional(), Length(max=300)])
    enrolment = SelectField(_l("Enrolment"), choices=options(ENROLMENT_MODES.items()))
    enrolment_key = StringField(_l("Enrolment key"), filters=[Normalised.strip],
                                validators=[Optional(), Length(max=64)])

    def validate_cover(self, field):
        data = read_upload(field)
        if data is not None:
            check_media(field, data, self.cover_alt.data, allowed_kinds=("image",))

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if self.enrolment.data == "key" and not self.enrolment_key.data:
            self.enrolment_key.errors.append(_l("Please choose a key for learners to enter."))
            return False
        return valid


class ModuleForm(CoursesForm):
    title = StringField(_l("Module title"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please enter the module's title.")), Length(max=200)])


class ModuleEditForm(ModuleForm):
    discussion_prompt = TextAreaField(
        _l("Discussion prompt (Markdown)"), validators=[Optional(), Length(max=10_000)],
        description=_l("A question for learners to discuss at the end of the module; "
                       "leave empty for none."))


class LessonForm(CoursesForm):
    title = StringField(_l("Lesson title"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please enter the lesson's title.")), Length(max=200)])
    body = TextAreaField(_l("Text (Markdown)"), validators=[Optional(), Length(max=100_000)],
                         description=_l(
                             "Headings with #, lists with -, links as [text](address), images "
                             "from the media store as ![description](/courses/media/…)."))


class TranslatedLessonForm(LessonForm):
    up_to_date = BooleanField(_l("This translation matches the current original"),
                              default=True)


class TranslationForm(CoursesForm):
    language = SelectField(_l("Language of the translation"))


class NewLessonForm(LessonForm):
    kind = SelectField(_l("Kind"), choices=options(LESSON_KINDS.items()))


class MediaForm(CoursesForm):
    file = FileField(_l("File"), description=_l(
        "Images up to 5 MB, PDF up to 20 MB, audio up to 50 MB, video up to 100 MB."))
    alt_text = StringField(_l("Alternative text"), filters=[Normalised.strip],
                           description=_l("Needed for images: what the image shows."),
                           validators=[Optional(), Length(max=300)])

    def validate_file(self, field):
        data = read_upload(field)
        if data is None:
            raise ValidationError(_l("Please choose a file."))
        check_media(field, data, self.alt_text.data)


class EmailListForm(CoursesForm):
    emails = TextAreaField(
        _l("Email addresses"),
        description=_l("One or more, separated by commas, spaces or new lines."),
        validators=[DataRequired(message=_l("Please enter at least one email address.")),
                    Length(max=20_000)])


class InviteForm(EmailListForm):
    cohort = SelectField(_l("Cohort"), coerce=int, default=0)


class TrainerForm(CoursesForm):
    email = StringField(_l("Email address of the trainer"), filters=[Normalised.email],
                        validators=[DataRequired(message=_l("Please enter an email address.")),
                                    Length(max=254)])


class EnrolForm(CoursesForm):
    key = StringField(_l("Enrolment key"), filters=[Normalised.strip],
                      validators=[Optional(), Length(max=64)])


class CohortForm(CoursesForm):
    name = StringField(_l("Cohort name"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please enter a name for the cohort.")), Length(max=120)])


class CohortChoiceForm(CoursesForm):
    cohort = SelectField(_l("Cohort"), coerce=int)
