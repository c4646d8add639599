"""Django's dumpdata, writing models in an order that loaddata can always load.

With ``--natural-foreign``, every model comes after the models its natural key and
its required foreign keys name (backups/ordering.py); everything else is Django's.
"""

from django.core import serializers
from django.core.management.commands import dumpdata

from backups.ordering import sort_dependencies


class Command(dumpdata.Command):
    def handle(self, *app_labels, **options):
        # Django's command reads the function from the serializers module while it runs.
        django_sort = serializers.sort_dependencies
        serializers.sort_dependencies = sort_dependencies
        try:
            return super().handle(*app_labels, **options)
        finally:
            serializers.sort_dependencies = django_sort
