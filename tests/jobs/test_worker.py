"""Renditions are made by real worker processes, off the editor's request."""

import signal
import subprocess
import sys
import time

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from gallery.models import Photo
from gallery.renditions import RenditionState
from tests.factories import PhotoFactory, image_file
from tests.jobs.tasks import nap
from tests.services import ROOT, manage, stop

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def start_worker(env, worker_id, *extra):
    return subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "worker",
            "--worker-id",
            worker_id,
            "--interval",
            "0.2",
            "--no-startup-delay",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_until(condition, timeout=30, step=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def test_a_saved_photo_waits_for_the_worker_and_then_shows_on_its_page(worker_env, client):
    photo = PhotoFactory(image=image_file(width=2400, height=1600))

    assert photo.rendition_state == RenditionState.PENDING
    assert DBTaskResult.objects.ready().count() == 1
    pending_page = client.get(photo.get_absolute_url()).content.decode()
    assert "<picture" not in pending_page
    assert "renditions/" not in pending_page

    manage("worker", "--batch", "--no-startup-delay", env=worker_env)

    photo.refresh_from_db()
    assert photo.rendition_state == RenditionState.READY
    for entry in photo.renditions.values():
        assert photo.image.storage.exists(entry["jpeg"])
        assert photo.image.storage.exists(entry["webp"])
    page = client.get(photo.get_absolute_url()).content.decode()
    assert "<picture" in page
    assert photo.renditions["slide"]["webp"] in page


def test_a_job_left_running_by_a_killed_worker_is_run_by_another(worker_env):
    result = nap.enqueue(60)
    first = start_worker(worker_env, "first", "--heartbeat", "0.5", "--stale-after", "2")
    try:
        assert wait_until(
            lambda: DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING
        ), "the first worker never took the job"
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        stop(first)

    second = start_worker(worker_env, "second", "--heartbeat", "0.5", "--stale-after", "2")
    try:
        assert wait_until(
            lambda: DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL
        ), "the job was not run again"
    finally:
        stop(second)
    output = second.stdout.read()

    job = DBTaskResult.objects.get(pk=result.id)
    assert job.worker_ids == ["first", "second"]
    assert job.return_value == 2
    assert "was left running by worker first" in output


def test_two_workers_share_the_queue_and_run_each_job_once(worker_env):
    photos = [PhotoFactory(image=image_file(width=900, height=600)) for _ in range(6)]
    workers = [start_worker(worker_env, name, "--batch") for name in ("one", "two")]
    try:
        for worker in workers:
            worker.wait(120)
    finally:
        for worker in workers:
            stop(worker)

    jobs = DBTaskResult.objects.all()
    assert jobs.count() == 6
    assert all(job.status == TaskResultStatus.SUCCESSFUL for job in jobs)
    assert all(len(job.worker_ids) == 1 for job in jobs)
    states = set(
        Photo.objects.filter(pk__in=[p.pk for p in photos]).values_list(
            "rendition_state", flat=True
        )
    )
    assert states == {RenditionState.READY}
