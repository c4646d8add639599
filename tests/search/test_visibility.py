"""Search shows what readers may see, and nothing else, for staff too."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from publishing.models import Status
from tests.factories import ArticleFactory, GalleryFactory, PhotoFactory

pytestmark = pytest.mark.django_db

FACTORIES = {
    "article": lambda **kw: ArticleFactory(headline="Rassvet docking", **kw),
    "essay": lambda **kw: GalleryFactory(title="Rassvet docking", **kw),
    "photo": lambda **kw: PhotoFactory(title="Rassvet docking", **kw),
}


@pytest.fixture(params=list(FACTORIES))
def make(request):
    return FACTORIES[request.param]


def found(client, query="rassvet"):
    response = client.get(reverse("search:index"), {"q": query})
    assert response.status_code == 200
    return [result["entry"].url for result in response.context["results"]]


def test_a_draft_is_never_found(client, make):
    make(draft=True)

    assert found(client) == []


def test_a_draft_is_not_found_by_staff_either(staff_client, make):
    make(draft=True)

    assert found(staff_client) == []


def test_a_scheduled_item_is_not_found_before_its_time(client, make):
    make(scheduled=True)

    assert found(client) == []


def test_a_scheduled_item_is_found_once_its_time_has_come(client, make):
    item = make(scheduled=True)

    with time_machine.travel(item.publish_at + datetime.timedelta(minutes=1)):
        assert found(client) == [item.get_absolute_url()]


def test_an_unpublished_item_drops_out_of_search(client, make):
    item = make()
    assert found(client) == [item.get_absolute_url()]

    item.status = Status.DRAFT
    item.save()

    assert found(client) == []


def test_a_deleted_item_drops_out_of_search(client):
    article = ArticleFactory(headline="Rassvet docking")
    article.delete()

    assert found(client) == []


def test_a_changed_headline_is_found_by_its_new_words(client):
    article = ArticleFactory(headline="Rassvet docking", standfirst="")
    article.headline = "Zvezda docking"
    article.save()

    assert found(client, "rassvet") == []
    assert found(client, "zvezda") == [article.get_absolute_url()]


def test_a_draft_articles_text_is_not_shown_in_any_snippet(client):
    ArticleFactory(draft=True, headline="Secret plan", standfirst="Rassvet secret plan.")
    ArticleFactory(headline="Rassvet docking")

    response = client.get(reverse("search:index"), {"q": "rassvet"})

    assert "Secret" not in response.content.decode()
