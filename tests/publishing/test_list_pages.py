"""List pages find a page's items by key, then read them: the same pages as slicing."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.db.models import Value
from django.utils import timezone

from articles.models import Article
from publishing.views import ListPaginator
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    now = timezone.now()
    for days in [5, 1, 3, 2, 4]:
        ArticleFactory(publish_at=now - datetime.timedelta(days=days))
    ArticleFactory(draft=True)
    ArticleFactory(scheduled=True)


@pytest.mark.parametrize("ordering", [None, ("publish_at", "pk")])
def test_each_page_holds_what_a_slice_of_the_list_holds(articles, ordering):
    """In the model's order (newest first) or the list's own."""
    listed = Article.objects.published()
    if ordering:
        listed = listed.order_by(*ordering)
    plain, by_key = Paginator(listed, 2), ListPaginator(listed, 2)

    assert by_key.num_pages == plain.num_pages == 3
    for number in [1, 2, 3]:
        assert list(by_key.page(number)) == list(plain.page(number))


def test_a_page_is_read_with_the_lists_read_function(articles):
    def read(items):
        return items.annotate(card=Value("loaded"))

    page = ListPaginator(Article.objects.published(), 2, read=read).page(2)

    assert [article.card for article in page] == ["loaded", "loaded"]
