"""A photo's renditions come from a job: pending, ready, or failed with the reason.

Here jobs are queued in the database (``queue``) and run by calling them, as a
worker would; tests/jobs/ runs real worker processes.
"""

from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django_tasks.base import TaskContext
from django_tasks_db.models import DBTaskResult

from gallery.models import Photo
from gallery.renditions import FORMATS, WIDTHS, RenditionState
from gallery.tasks import MAX_ATTEMPTS, make_renditions
from tests.factories import PhotoFactory, image_file

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:gallery_photo_changelist")


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_job(photo, attempt=1):
    """Run the photo's rendition job as a worker would, on its ``attempt``-th try."""
    context = TaskContext(task_result=SimpleNamespace(attempts=attempt))
    return make_renditions.call(context, photo.pk, photo.image.name)


def test_a_saved_photo_is_pending_with_one_job_queued(queue):
    photo = PhotoFactory()

    assert photo.rendition_state == RenditionState.PENDING
    assert photo.renditions == {}
    job = DBTaskResult.objects.get()
    assert job.task_path == "gallery.tasks.make_renditions"
    assert job.args_kwargs["args"] == [photo.pk, photo.image.name]


def test_a_pending_photo_holds_its_place_with_a_box_of_its_shape(queue, client):
    photo = PhotoFactory(image=image_file(width=1600, height=1000))

    page = client.get(photo.get_absolute_url()).content.decode()

    assert '<svg class="picture-pending" viewBox="0 0 1600 1000"' in page
    assert "<picture" not in page
    assert "og:image" not in page
    assert "/media/renditions/" not in page


def test_the_job_makes_the_files_and_the_page_shows_the_photo(queue, client):
    photo = PhotoFactory()

    assert run_job(photo) == len(WIDTHS) * len(FORMATS)

    photo.refresh_from_db()
    assert photo.rendition_state == RenditionState.READY
    page = client.get(photo.get_absolute_url()).content.decode()
    assert "<picture" in page
    assert "picture-pending" not in page


def test_running_the_job_twice_writes_nothing_more(queue):
    photo = PhotoFactory()
    run_job(photo)

    assert run_job(photo) == 0
    photo.refresh_from_db()
    assert photo.rendition_state == RenditionState.READY


def test_a_job_for_a_replaced_image_changes_nothing(queue):
    photo = PhotoFactory()
    first_image = photo.image.name
    photo.image = image_file("second.jpg")
    photo.save()

    written = make_renditions.call(
        TaskContext(task_result=SimpleNamespace(attempts=1)), photo.pk, first_image
    )

    assert written == 0
    photo.refresh_from_db()
    assert photo.rendition_state == RenditionState.PENDING


def test_a_failed_job_records_why_and_the_page_leaves_the_photo_out(queue, client):
    photo = PhotoFactory()

    with mock.patch("gallery.tasks.write_renditions", side_effect=OSError("No space left")):
        run_job(photo)

    photo.refresh_from_db()
    assert photo.rendition_state == RenditionState.FAILED
    assert "No space left" in photo.rendition_error
    page = client.get(photo.get_absolute_url()).content.decode()
    assert "<picture" not in page
    assert "picture-pending" not in page


def test_a_job_whose_workers_keep_dying_gives_up_with_a_reason(queue):
    photo = PhotoFactory()

    run_job(photo, attempt=MAX_ATTEMPTS + 1)

    photo.refresh_from_db()
    assert photo.rendition_state == RenditionState.FAILED
    assert f"stopped {MAX_ATTEMPTS} times" in photo.rendition_error


def test_the_admin_shows_each_photos_rendition_state_and_the_reason_of_a_failure(
    queue, editor_client
):
    ready, pending, failed = PhotoFactory(title="Ready"), PhotoFactory(), PhotoFactory()
    run_job(ready)
    with mock.patch("gallery.tasks.write_renditions", side_effect=OSError("No space left")):
        run_job(failed)

    page = editor_client.get(CHANGELIST_URL).content.decode()
    form = editor_client.get(reverse("admin:gallery_photo_change", args=[failed.pk]))

    assert "Being made" in page and "Ready" in page and "Failed" in page
    assert "No space left" in page
    assert "No space left" in form.content.decode()
    assert pending.rendition_state == RenditionState.PENDING


def test_an_editor_retries_failed_renditions_from_the_admin(editor_client):
    photo = PhotoFactory()
    Photo.objects.filter(pk=photo.pk).update(
        rendition_state=RenditionState.FAILED, rendition_error="The worker ran out of memory."
    )

    response = editor_client.post(
        CHANGELIST_URL,
        {"action": "make_renditions_again", "_selected_action": [photo.pk]},
        follow=True,
    )

    assert "are queued" in response.content.decode()
    photo.refresh_from_db()
    # Jobs run at once in the tests' settings: it is already done.
    assert photo.rendition_state == RenditionState.READY
    assert photo.rendition_error == ""


def stored_files(settings):
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def test_a_photo_whose_save_fails_leaves_no_file_behind(settings):
    PhotoFactory(slug="taken")
    before = stored_files(settings)

    with pytest.raises(IntegrityError), transaction.atomic():
        Photo(image=image_file("clash.jpg"), title="Clash", slug="taken").save()

    assert stored_files(settings) == before
