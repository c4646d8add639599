"""Draw stand-in images for the photos a fixture names.

The original photographs of the launch story belong to NASA and do not ship with
the code. This command reads the photo records of a fixture (``launch_story`` by
default) and draws, for each, a photo-sized JPEG at the record's ``image`` path and
upright ``width`` x ``height``, marked "STAND-IN" with the photo's title and the
credit of the original. The records keep the original's credit, so an editor who
uploads the real photo into the same record gets a correct page.

Some files carry EXIF data, and one is stored sideways with an EXIF Orientation
tag, so the renditions' handling of camera metadata is exercised by the demo
content itself.

    python manage.py make_standin_photos [launch_story] [--output DIR]
"""

import json
import random
from pathlib import Path

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from PIL import Image, ImageDraw, ImageFont, ImageOps

from gallery.fixturefiles import fixture_dirs

# Stored sideways: the pixels are turned a quarter turn anticlockwise and the EXIF
# Orientation tag 6 tells viewers to turn them back, as many cameras do.
STORED_SIDEWAYS = {"goodbye-earth"}
# These carry EXIF: a description saying they are stand-ins, the credit as Artist,
# and the date taken where the record knows it.
WITH_EXIF = {"a-mighty-roar", "goodbye-earth", "liftoff", "soyuz-upper-stage-falls-away"}

EXIF_IFD = 0x8769
IMAGE_DESCRIPTION = 0x010E
ARTIST = 0x013B
ORIENTATION = 0x0112
DATE_TIME_ORIGINAL = 0x9003
ROTATE_90_CW_TO_VIEW = 6

# Pairs of colours for the backgrounds: dawn, dusk, night, smoke, flame.
PALETTES = [
    ((12, 20, 58), (236, 120, 54)),
    ((8, 10, 30), (64, 96, 180)),
    ((28, 46, 86), (218, 196, 160)),
    ((60, 20, 18), (250, 170, 60)),
    ((18, 52, 64), (150, 210, 220)),
    ((40, 40, 48), (200, 200, 196)),
    ((6, 6, 20), (120, 60, 140)),
    ((20, 70, 120), (250, 230, 180)),
    ((90, 30, 60), (250, 200, 120)),
    ((10, 30, 30), (90, 180, 120)),
    ((30, 16, 60), (230, 110, 110)),
    ((4, 24, 48), (40, 150, 230)),
]


def load_font(size):
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def fitted_font(draw, text, size, max_width):
    """The largest font up to ``size`` at which ``text`` fits in ``max_width``."""
    while True:
        font = load_font(size)
        left, _, right, _ = draw.textbbox((0, 0), text, font=font)
        if right - left <= max_width or size <= 12:
            return font
        size = int(size * 0.92)


def background(size, colours, rng):
    """A linear or radial gradient between two colours."""
    if rng.random() < 0.35:
        mask = Image.radial_gradient("L")
    else:
        mask = Image.linear_gradient("L").rotate(rng.choice([0, 20, -30, 45, 180]))
    mask = mask.resize(size, Image.Resampling.BICUBIC)
    dark, light = (Image.new("RGB", size, colour) for colour in colours)
    return Image.composite(dark, light, mask)


def scenery(image, colours, rng):
    """Stars, a planet or sun, a horizon and a rocket, placed differently each time."""
    width, height = image.size
    unit = min(width, height)
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for _ in range(rng.randint(60, 160)):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randint(2, unit // 300 + 3)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 255, rng.randint(90, 220)))
    glow = tuple(min(255, c + 60) for c in colours[1])
    r = int(unit * rng.uniform(0.12, 0.3))
    x, y = int(width * rng.uniform(0.1, 0.9)), int(height * rng.uniform(0.1, 0.45))
    draw.ellipse((x - r, y - r, x + r, y + r), fill=(*glow, 170))
    horizon = int(height * rng.uniform(0.72, 0.86))
    ground = tuple(c // 3 for c in colours[0])
    points = [(0, height)]
    for step in range(9):
        points.append((width * step // 8, horizon + rng.randint(-unit // 30, unit // 30)))
    points.append((width, height))
    draw.polygon(points, fill=(*ground, 255))
    # A rocket on a column of exhaust.
    cx = int(width * rng.uniform(0.2, 0.8))
    body_w, body_h = unit // 18, unit // 4
    top = horizon - body_h - int(unit * rng.uniform(0.05, 0.35))
    draw.polygon(
        [(cx - body_w, top + body_h), (cx + body_w, top + body_h), (cx, top + body_h + unit // 6)],
        fill=(255, 200, 90, 230),
    )
    draw.rectangle((cx - body_w // 2, top, cx + body_w // 2, top + body_h), fill=(235, 235, 230))
    draw.polygon(
        [(cx - body_w // 2, top), (cx + body_w // 2, top), (cx, top - body_w)],
        fill=(200, 60, 50),
    )
    image.paste(overlay, (0, 0), overlay)


def label(image, title, credit):
    """The stand-in mark, title and credit, large enough to read at 360 pixels wide."""
    width, height = image.size
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    lines = [
        ("STAND-IN", fitted_font(draw, "STAND-IN", width // 7, width * 0.8), (255, 214, 0)),
        (title, fitted_font(draw, title, width // 15, width * 0.88), (255, 255, 255)),
        (
            f"Original photo: {credit}",
            fitted_font(draw, f"Original photo: {credit}", width // 22, width * 0.88),
            (235, 235, 235),
        ),
    ]
    gap = width // 60
    boxes = [draw.textbbox((0, 0), text, font=font) for text, font, _ in lines]
    block = sum(b[3] - b[1] for b in boxes) + gap * (len(lines) - 1)
    top = (height - block) // 2
    pad = width // 30
    draw.rectangle((0, top - pad, width, top + block + pad), fill=(0, 0, 0, 170))
    border = max(4, width // 200)
    draw.rectangle((0, 0, width - 1, height - 1), outline=(255, 214, 0, 255), width=border)
    y = top
    for (text, font, colour), box in zip(lines, boxes, strict=True):
        x = (width - (box[2] - box[0])) // 2 - box[0]
        draw.text((x, y - box[1]), text, font=font, fill=colour)
        y += box[3] - box[1] + gap
    image.paste(overlay, (0, 0), overlay)


def exif_for(fields, sideways):
    exif = Image.Exif()
    exif[IMAGE_DESCRIPTION] = (
        f'Stand-in image for the photo "{fields["title"]}", not the original photograph.'
    )
    exif[ARTIST] = fields["credit"]
    if fields.get("taken_on"):
        # The time of day is not known: Exif fills unknown parts with spaces.
        exif.get_ifd(EXIF_IFD)[DATE_TIME_ORIGINAL] = fields["taken_on"].replace("-", ":") + (
            "   :  :  "
        )
    if sideways:
        exif[ORIENTATION] = ROTATE_90_CW_TO_VIEW
    return exif


def draw_standin(fields, seed):
    """The stand-in for one photo record, as stored: returns (image, exif or None)."""
    slug = fields["slug"]
    rng = random.Random(slug)
    upright_size = (fields["width"], fields["height"])
    sideways = slug in STORED_SIDEWAYS
    colours = PALETTES[seed % len(PALETTES)]
    image = background(upright_size, colours, rng)
    scenery(image, colours, rng)
    label(image, fields["title"], fields["credit"])
    if sideways:
        image = image.transpose(Image.Transpose.ROTATE_90)
    exif = exif_for(fields, sideways) if slug in WITH_EXIF or sideways else None
    return image, exif


def find_fixture(label):
    for folder in fixture_dirs():
        path = folder / f"{label}.json"
        if path.is_file():
            return path
    raise CommandError(f"No fixture named {label!r} in any fixtures folder.")


class Command(BaseCommand):
    help = "Draw a marked stand-in JPEG for every photo in a fixture (default launch_story)."

    def add_arguments(self, parser):
        parser.add_argument("fixture", nargs="?", default="launch_story")
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(apps.get_app_config("gallery").path) / "fixtures",
            help="Folder the photos' image paths are relative to (default: the gallery "
            "app's fixtures folder, where loaddata finds them).",
        )

    def handle(self, *args, fixture, output, **options):
        records = json.loads(find_fixture(fixture).read_text())
        photos = [r["fields"] for r in records if r["model"] == "gallery.photo"]
        if not photos:
            raise CommandError(f"The fixture {fixture!r} has no photos.")
        for seed, fields in enumerate(photos):
            image, exif = draw_standin(fields, seed)
            path = output / fields["image"]
            path.parent.mkdir(parents=True, exist_ok=True)
            save_options = {"quality": 75, "optimize": True}
            if exif is not None:
                save_options["exif"] = exif
            image.save(path, "JPEG", **save_options)
            upright = ImageOps.exif_transpose(Image.open(path)).size
            self.stdout.write(
                f"{path.relative_to(output)}: {image.width}x{image.height}"
                + (f", shown {upright[0]}x{upright[1]}" if upright != image.size else "")
                + f", {path.stat().st_size // 1024} KB"
            )
        self.stdout.write(self.style.SUCCESS(f"Drew {len(photos)} stand-in photos."))
