"""Articles as editors change them in the admin, each save keeping a version."""

import pytest
from django.urls import reverse

from tests.admin.forms import form_data
from tests.factories import ArticleFactory, BlockFactory, BylineFactory


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def history_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk])


def save_in_admin(client, obj, **changes):
    """Post the change form as an editor would, with ``changes`` typed in."""
    data = form_data(client.get(change_url(obj)), f"{obj._meta.model_name}_form")
    data.update(changes)
    response = client.post(change_url(obj), data)
    assert response.status_code == 302, response.context["errors"]
    return response


@pytest.fixture
def article(db):
    """A published article with a byline and one paragraph, no versions yet."""
    article = ArticleFactory(headline="Soyuz MS-09 lifts off", slug="soyuz-ms-09-lifts-off")
    BylineFactory(article=article, person__name="Tariq Malik")
    BlockFactory(article=article, text="<p>The rocket rose into a clear sky.</p>")
    return article
