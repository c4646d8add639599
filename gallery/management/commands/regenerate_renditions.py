"""Queue the renditions of every photo again, e.g. after a change of sizes.

The same job as a save or loaddata queues (``gallery.tasks.make_renditions``): the
workers make the files, or this command itself where jobs run at once (development).
Renditions are named after their source and their spec, so after a change in
``gallery/renditions.py`` the new files are written beside the old ones and each
photo's record points to the new ones; ``--force`` rewrites files that exist too.

    python manage.py regenerate_renditions [--force] [slug ...]
"""

import time

from django.core.management.base import BaseCommand, CommandError

from gallery.models import Photo
from gallery.renditions import RenditionState


class Command(BaseCommand):
    help = "Make and record the renditions of every photo (or of the photos named by slug)."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only these photos.")
        parser.add_argument(
            "--force", action="store_true", help="Rewrite renditions that already exist."
        )

    def handle(self, *slugs, force=False, **options):
        photos = Photo.objects.exclude(image="").order_by("pk")
        if slugs:
            photos = photos.filter(slug__in=slugs)
            missing = set(slugs) - set(photos.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No photo with the slug {', '.join(sorted(missing))}.")
        total = photos.count()
        if not total:
            self.stdout.write("No photos to process.")
            return
        started = time.monotonic()
        queued = failed = files = 0
        for done, photo in enumerate(photos.iterator(), start=1):
            result = photo.queue_renditions(force=force)
            if not result.is_finished:
                queued += 1
            elif photo.rendition_state == RenditionState.FAILED:
                failed += 1
                self.stderr.write(f"\n{photo.slug}: {photo.rendition_error}")
            else:
                files += result.return_value
            self.progress(done, total, photo.slug)
        self.stdout.write("")
        seconds = time.monotonic() - started
        summary = (
            f"{total - failed - queued} of {total} photos; {files} rendition files written "
            f"in {seconds:.1f} s."
        )
        if failed:
            raise CommandError(f"{failed} photo(s) failed. {summary}")
        if queued:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Queued the renditions of {queued} photo(s) in {seconds:.1f} s; "
                    "the workers make them (manage.py worker)."
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Renditions ready for {summary}"))

    def progress(self, done, total, label):
        width = 30
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        line = f"[{bar}] {done}/{total} {label[:40]}"
        # A bar redrawn in place on a terminal; one line per photo in a log.
        if self.stdout.isatty():
            self.stdout.write(f"\r{line}\x1b[K", ending="")
            self.stdout.flush()
        else:
            self.stdout.write(line)
