import pytest
from django.contrib.contenttypes.models import ContentType


@pytest.fixture(autouse=True)
def _forget_content_types():
    """Content types get other numbers when a test empties the database, and the
    database is then put back with the old ones: forget the ones this process read."""
    yield
    ContentType.objects.clear_cache()
