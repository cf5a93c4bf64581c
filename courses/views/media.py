"""The media store: trainers upload files; everyone fetches them by content hash."""
import re

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from courses.forms import MediaForm
from courses.models import MediaFile
from courses.services import media
from courses.views import user
from lms.extensions import db
from lms.permissions import require

SHA256 = re.compile(r"^[0-9a-f]{64}$")


@require("courses.upload_media")
def media_library():
    # uploads may be larger than the platform's general limit, up to the largest media limit
    request.max_content_length = media.largest_limit() + 1024 * 1024
    form = MediaForm()
    if form.validate_on_submit():
        data, content_type, kind = form.file.checked
        stored = media.store(data, content_type, kind, form.file.data.filename,
                             form.alt_text.data, user())
        flash(_("The file has been stored. Use its address below in your lessons."), "success")
        return redirect(url_for("courses.media_library", _anchor=f"media-{stored.id}"))
    return render_template("courses/media.html", form=form, files=media.library())


@require("courses.view")
def media_file(sha256):
    if not SHA256.match(sha256):
        abort(404)
    found = db.session.scalar(select(MediaFile).where(MediaFile.sha256 == sha256))
    if found is None or not media.STORE.exists(sha256):
        abort(404)
    response = media.STORE.send(sha256, found.content_type,
                                download_name=f"{sha256[:12]}.{found.extension}")
    response.cache_control.public = True
    return response
