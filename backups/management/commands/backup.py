"""Write a backup: the content by natural key, and the list of media files it needs.

The dump is exactly ``dumpdata --natural-foreign --natural-primary`` of the labels in
backups/contents.py; ``restore`` loads it into an empty, migrated database.
"""

import os
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from backups.contents import dumpdata_arguments, needed_media


def media_list_path(dump_path):
    """``launchdesk.json`` -> ``launchdesk.media.txt``, beside it."""
    path = Path(dump_path)
    return path.with_name(f"{path.stem}.media.txt")


class Command(BaseCommand):
    help = (
        "Write the content (articles, photos, essays, people, missions, accounts and "
        "groups) to FILE by natural key, and beside it FILE's name with .media.txt: "
        "the media files the content needs, one a line."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The dump to write, e.g. launchdesk.json.")

    def handle(self, *args, file, **options):
        dump_path = Path(file)
        list_path = media_list_path(dump_path)
        partial = dump_path.with_name(f".{dump_path.name}.partial")
        # One snapshot for the dump and the list, while editors go on saving: SQLite
        # keeps a transaction's first read; PostgreSQL needs to be asked, first thing.
        outermost = not connection.in_atomic_block
        try:
            with transaction.atomic():
                if connection.vendor == "postgresql" and outermost:
                    with connection.cursor() as cursor:
                        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                call_command("dumpdata", *dumpdata_arguments(), output=str(partial), verbosity=0)
                originals, renditions = needed_media()
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        list_partial = list_path.with_name(f".{list_path.name}.partial")
        list_partial.write_text("".join(f"{name}\n" for name, _ in originals + renditions))
        # Renamed into place once complete: a failed backup never looks like a good one.
        os.replace(partial, dump_path)
        os.replace(list_partial, list_path)
        self.stdout.write(self.style.SUCCESS(f"Wrote {dump_path}."))
        self.stdout.write(
            f"Wrote {list_path}: {len(originals)} originals and {len(renditions)} "
            "renditions in media storage that the content needs. Copy them with the dump."
        )
