"""Bytes of images a browser downloads for the photo essay, against the originals.

    python bench/image_bytes.py [--port 8105] [--camera]

Loads the launch story into a fresh temporary database and media folder, serves it
with ``manage.py runserver`` and opens the essay page in headless Chromium as a
phone (360 px wide, 2x), a desktop (1280 px, 1x) and a high-density desktop
(1280 px, 2x). It scrolls to the end so every lazy image loads, then prints, per
screen, the images downloaded (count, widest file, bytes) and the bytes of the
originals of the essay's photos.

The launch story's stand-in images are flat drawings that compress very well;
``--camera`` first replaces each slide's image with a 6000 x 4000 camera-like JPEG
(fine noise, as a sensor gives) uploaded the way an editor would, for numbers closer
to camera originals.
"""

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ESSAY = "expedition-56-space-station-mission-in-photos"
SCREENS = [
    ("phone 360 px, 2x", {"width": 360, "height": 780}, 2, True),
    ("desktop 1280 px, 1x", {"width": 1280, "height": 800}, 1, False),
    ("desktop 1280 px, 2x", {"width": 1280, "height": 800}, 2, False),
]
CHROMIUM = "/usr/bin/chromium"


def manage(env, *args):
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True)


def camera_like_jpeg(seed):
    from PIL import Image

    grain = Image.effect_noise((1500, 1000), 40 + seed).convert("RGB").resize((6000, 4000))
    light = Image.linear_gradient("L").rotate(seed * 30).resize((6000, 4000)).convert("RGB")
    buffer = io.BytesIO()
    Image.blend(grain, light, 0.6).save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def use_camera_originals():
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction

    from gallery.models import Gallery

    for index, slide in enumerate(Gallery.objects.get(slug=ESSAY).slides.all()):
        photo = slide.photo
        with transaction.atomic():
            photo.image = SimpleUploadedFile(f"{photo.slug}.jpg", camera_like_jpeg(index))
            photo.save()


def originals():
    """(name, bytes) of the originals of the essay's slide photos."""
    from gallery.models import Gallery

    return [
        (slide.photo.image.name, slide.photo.image.size)
        for slide in Gallery.objects.get(slug=ESSAY).slides.select_related("photo")
    ]


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def measure(browser, url, viewport, scale, mobile):
    from PIL import Image

    context = browser.new_context(viewport=viewport, device_scale_factor=scale, is_mobile=mobile)
    page = context.new_page()
    responses = []
    page.on(
        "response",
        lambda response: (
            responses.append(response)
            if response.request.resource_type == "image" and "/media/" in response.url
            else None
        ),
    )
    page.goto(url, wait_until="networkidle")
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + viewport["height"], viewport["height"] // 2):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_load_state("networkidle")
    files = []
    for response in responses:
        body = response.body()
        with Image.open(io.BytesIO(body)) as image:
            files.append((response.url, len(body), image.size[0], image.format))
    context.close()
    return files


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8105)
    parser.add_argument("--camera", action="store_true", help="Use camera-like originals.")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="image-bytes-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{scratch}/db.sqlite3",
        "MEDIA_ROOT": str(scratch / "media"),
    }
    os.environ.update(env)
    manage(env, "migrate", "--verbosity=0")
    manage(env, "loaddata", "launch_story", "--verbosity=0")

    import django

    django.setup()
    if args.camera:
        started = time.monotonic()
        use_camera_originals()
        print(f"Uploaded 11 camera-like originals in {time.monotonic() - started:.0f} s")
    original_files = originals()
    original_bytes = sum(size for _, size in original_files)

    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "runserver",
            f"127.0.0.1:{args.port}",
            "--noreload",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{args.port}/essays/{ESSAY}/"
    try:
        wait_for(url)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            print(f"Essay page: {len(original_files)} slides; originals {original_bytes:,} bytes")
            for label, viewport, scale, mobile in SCREENS:
                files = measure(browser, url, viewport, scale, mobile)
                downloaded = sum(size for _, size, _, _ in files)
                widest = max((width for _, _, width, _ in files), default=0)
                formats = sorted({fmt for _, _, _, fmt in files})
                print(
                    f"  {label:20} {len(files):2} images, widest {widest:4} px, "
                    f"{downloaded:>11,} bytes ({'/'.join(formats)}) = "
                    f"{downloaded / original_bytes:6.1%} of the originals"
                )
            browser.close()
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
