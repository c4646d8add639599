"""Index every article, essay, photo, person and mission again.

Saves keep the index up to date; run this after loading data with signals off,
after changing what search reads, or on a database restored from elsewhere.
"""

from django.core.management.base import BaseCommand

from search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from every searchable record."

    def handle(self, *args, **options):
        counts = rebuild()
        summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {summary}."))
