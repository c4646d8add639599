"""How long an editor waits to save photos, and what the worker then needs.

    python bench/editor_save.py [--runs 5] [--heavy]

In a fresh temporary SQLite database and media folder, with jobs queued in the
database as in production:

1. the admin's "Add photo" form saves one camera-like 6000 x 4000 JPEG (median of
   ``--runs`` saves, each a new photo);
2. an essay's "Add photos" form takes 11 such files in one request;
3. ``manage.py worker --batch`` (a process of its own, production settings) makes
   every queued photo's renditions: its time and its peak memory (max RSS).

``--heavy`` also uploads one 49-megapixel JPEG, PNG and AVIF each and runs a worker
for each alone, to state its peak memory; any refusal is printed with its message.
"""

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="launchdesk-bench-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH / 'bench.sqlite3'}"


def camera_like(width, height, fmt="JPEG", seed=1):
    """A photo-like image: fine grain over soft light, as costly to code as a photo."""
    from PIL import Image

    grain = Image.effect_noise((width // 4, height // 4), 40 + seed).convert("RGB")
    grain = grain.resize((width, height))
    light = Image.linear_gradient("L").rotate(seed * 30).resize((width, height)).convert("RGB")
    buffer = io.BytesIO()
    options = {"JPEG": {"quality": 92}, "PNG": {"compress_level": 1}, "AVIF": {"speed": 10}}
    Image.blend(grain, light, 0.6).save(buffer, fmt, **options[fmt])
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--heavy", action="store_true")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    queue = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
    queue.enable()
    call_command("migrate", verbosity=0)

    from django.contrib.auth.models import User

    from gallery.models import Gallery, Photo
    from missions.models import Mission

    editor = User.objects.create_superuser("bench-editor", password="x")
    client = Client()
    client.force_login(editor)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "bench-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }

    data = camera_like(6000, 4000)
    print(f"One camera-like JPEG: 6000 x 4000, {len(data) / 1e6:.1f} MB")
    times = []
    for run in range(args.runs):
        form = {
            "image": SimpleUploadedFile(f"launch-{run}.jpg", data, content_type="image/jpeg"),
            "title": f"Launch {run}",
            "slug": f"launch-{run}",
            "status": "draft",
            "publish_at_0": "2018-06-06",
            "publish_at_1": "11:12:00",
        }
        start = time.perf_counter()
        response = client.post(reverse("admin:gallery_photo_add"), form)
        times.append(time.perf_counter() - start)
        assert response.status_code == 302, response.content[:2000]
    print(
        f"Editor's save of one photo: median {statistics.median(times):.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f}, {args.runs} saves)"
    )

    mission = Mission.objects.first()
    gallery = Gallery.objects.create(title="Bench essay", slug="bench-essay", mission=mission)
    files = [
        SimpleUploadedFile(f"slide-{i}.jpg", camera_like(6000, 4000, seed=i), "image/jpeg")
        for i in range(11)
    ]
    start = time.perf_counter()
    response = client.post(
        reverse("admin:gallery_gallery_add_photos", args=[gallery.pk]), {"photos": files}
    )
    bulk = time.perf_counter() - start
    assert response.status_code == 302, response.content[:2000]
    print(f"Essay's bulk upload of 11 photos: {bulk:.2f} s")

    pending = Photo.objects.filter(rendition_state="pending").count()
    seconds, peak = measure_worker_alone(env)
    ready = Photo.objects.filter(rendition_state="ready").count()
    print(
        f"Worker: {pending} photos' renditions in {seconds:.1f} s "
        f"({seconds / max(pending, 1):.2f} s a photo, process start included); "
        f"{ready} ready; peak memory {peak:.0f} MB"
    )

    if args.heavy:
        heavy = {"JPEG": "jpg", "PNG": "png", "AVIF": "avif"}
        for fmt, ext in heavy.items():
            payload = camera_like(8600, 5700, fmt)
            upload = SimpleUploadedFile(f"heavy.{ext}", payload)
            form = {
                "image": upload,
                "title": f"Heavy {fmt}",
                "slug": f"heavy-{ext}",
                "status": "draft",
                "publish_at_0": "2018-06-06",
                "publish_at_1": "11:12:00",
            }
            start = time.perf_counter()
            response = client.post(reverse("admin:gallery_photo_add"), form)
            saved = time.perf_counter() - start
            if response.status_code != 302:
                errors = response.context["adminform"].form.errors.get("image")
                print(f"49 MP {fmt} ({len(payload) / 1e6:.1f} MB): refused: {errors}")
                continue
            # A fresh worker process per file: its own peak memory.
            subprocess_peak = measure_worker_alone(env)
            photo = Photo.objects.get(slug=f"heavy-{ext}")
            print(
                f"49 MP {fmt} ({len(payload) / 1e6:.1f} MB): saved in {saved:.2f} s; "
                f"worker {subprocess_peak[0]:.1f} s, peak memory {subprocess_peak[1]:.0f} MB; "
                f"renditions {photo.rendition_state} {photo.rendition_error}"
            )
    queue.disable()


def measure_worker_alone(env):
    """``manage.py worker --batch``: its time and peak RSS (MB), until the queue is empty.

    Started from a small process of its own: a child forked from this one would count
    this process's memory (the test images) in its peak.
    """
    code = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "subprocess.run([sys.executable, 'manage.py', 'worker', '--batch', "
        "'--no-startup-delay'], check=True, capture_output=True); "
        "print(time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    seconds, peak = out.stdout.split()
    return float(seconds), float(peak)


if __name__ == "__main__":
    main()
