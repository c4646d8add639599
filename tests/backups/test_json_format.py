"""A dump keeps times to the microsecond: pages print them whole (a feed's
``updated``, an essay's ``datetime``, the sitemaps' ``lastmod``)."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.datetime(2018, 6, 6, 11, 12, 5, 123456, tzinfo=datetime.UTC)


def test_dumpdata_writes_times_to_the_microsecond():
    ArticleFactory(slug="liftoff", publish_at=PUBLISHED)
    out = StringIO()

    call_command("dumpdata", "--natural-primary", "articles.article", stdout=out)

    (record,) = json.loads(out.getvalue())
    assert record["fields"]["publish_at"] == "2018-06-06T11:12:05.123456Z"


def test_loaddata_gives_back_the_same_time(tmp_path):
    ArticleFactory(slug="liftoff", publish_at=PUBLISHED)
    path = tmp_path / "article.json"
    call_command("dumpdata", "--natural-primary", "articles.article", output=str(path))
    Article.objects.all().delete()

    call_command("loaddata", str(path), verbosity=0)

    assert Article.objects.get(slug="liftoff").publish_at == PUBLISHED
