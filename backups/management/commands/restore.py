"""Load a backup written by ``backup`` into an empty, migrated database.

The load is one transaction: a broken or truncated file loads nothing. The search
index is rebuilt in the same transaction, and the media files the content names are
checked afterwards: missing ones are named, and missing renditions whose original is
there are queued to be made again.
"""

import json
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor

from backups.contents import missing_media
from caching.signals import CONTENT_APPS
from search.index import rebuild

# Shown to the operator, in this order.
COUNTED = [
    "articles.article",
    "gallery.gallery",
    "gallery.photo",
    "missions.person",
    "missions.mission",
    "auth.user",
    "auth.group",
]
# How many missing files are named one by one; the count is always given.
NAMED_AT_MOST = 50


def content_models():
    for label in CONTENT_APPS:
        yield from apps.get_app_config(label).get_models()
    yield get_user_model()


def numbered_links(records):
    """The records that name a permission, a group or a record by number, not by key."""
    found = []
    for record in records:
        fields = record.get("fields", {})
        for name in ("permissions", "user_permissions", "groups"):
            if any(not isinstance(value, list) for value in fields.get(name, [])):
                found.append(
                    f"{record.get('model')} {fields.get('name') or fields.get('username')}"
                )
                break
    return found


class Command(BaseCommand):
    help = (
        "Load a backup written by `manage.py backup` into an empty, migrated database, "
        "in one transaction; rebuild the search index; report missing media files."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The dump written by `manage.py backup`.")
        parser.add_argument(
            "--merge",
            action="store_true",
            help="Load into a database that already has content: records with the "
            "same natural key (slug, user name) are overwritten, others are kept.",
        )

    def handle(self, *args, file, merge, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No backup at {path}.")
        self.check_migrated()
        if not merge:
            self.check_empty()
        self.check_natural_keys(path)
        try:
            with transaction.atomic():
                # A full path: a bare name would be looked for in the apps' fixtures too.
                call_command("loaddata", str(path.resolve()), verbosity=0)
                indexed = rebuild()
        except Exception as error:  # noqa: BLE001 - any failure loads nothing; say why
            raise CommandError(f"Nothing was restored from {path}: {error}") from error
        counts = ", ".join(
            f"{model._meta.verbose_name_plural}: {model.objects.count()}"
            for model in map(apps.get_model, COUNTED)
        )
        self.stdout.write(self.style.SUCCESS(f"Restored {path}: {counts}."))
        summary = ", ".join(f"{count} {kind}" for kind, count in indexed.items())
        self.stdout.write(f"Search index rebuilt: {summary}.")
        self.report_media()

    def check_migrated(self):
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError(
                "The database is not fully migrated. Run `manage.py migrate` first, "
                "with the same code as the restore."
            )

    def check_empty(self):
        held = {
            model._meta.verbose_name_plural: model._default_manager.count()
            for model in content_models()
        }
        held = {name: count for name, count in held.items() if count}
        if held:
            listed = ", ".join(f"{count} {name}" for name, count in held.items())
            raise CommandError(
                f"The database already holds content ({listed}). Restore into an empty, "
                "migrated database, or add --merge to load over it."
            )

    def check_natural_keys(self, path):
        try:
            records = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(
                f"Nothing was restored: {path} is not a JSON dump ({error})."
            ) from None
        if not isinstance(records, list):
            raise CommandError(f"Nothing was restored: {path} is not a JSON dump (no list).")
        numbered = numbered_links(records)
        if numbered:
            # Permission numbers differ between databases: loaded as they are, they
            # would give a group other rights, over users and groups among them.
            raise CommandError(
                f"Nothing was restored: {path} names permissions or groups by number "
                f"({', '.join(numbered[:5])}), which differ between databases. Write "
                "the backup with `manage.py backup`."
            )

    def report_media(self):
        originals, renditions = missing_media()
        if not originals and not renditions:
            self.stdout.write(
                self.style.SUCCESS("Media: every file the content names is in media storage.")
            )
            return
        self.stdout.write(
            self.style.WARNING(
                f"Media: {len(originals) + len(renditions)} files that the content names "
                f"are missing from media storage (originals: {len(originals)}, "
                f"renditions: {len(renditions)}):"
            )
        )
        for name, what in (originals + renditions)[:NAMED_AT_MOST]:
            self.stdout.write(f"  {name}  ({what})")
        if len(originals) + len(renditions) > NAMED_AT_MOST:
            self.stdout.write(f"  and {len(originals) + len(renditions) - NAMED_AT_MOST} more.")
        if originals:
            self.stdout.write(
                "Copy the missing originals into media storage, then run "
                "`manage.py regenerate_renditions`."
            )
        queued = self.queue_missing_renditions(originals, renditions)
        if queued:
            self.stdout.write(
                f"Queued the renditions of {queued} photo(s) whose original is there: a "
                "worker makes them, and pages show those photos once they are ready."
            )

    def queue_missing_renditions(self, originals, renditions):
        from gallery.models import Photo

        lost = {name for name, _ in originals}
        names = {name for name, _ in renditions}
        queued = 0
        for photo in Photo.objects.exclude(image="").exclude(image__in=lost):
            recorded = {
                entry.get(fmt)
                for entry in (photo.renditions or {}).values()
                for fmt in ("avif", "webp", "jpeg")
            }
            if recorded & names:
                photo.queue_renditions()
                queued += 1
        return queued
