"""A deploy does not serve the pages the code before it rendered (caching.release)."""

import pytest
from django.core.cache import cache

from caching.release import code_digest
from tests.caching import front
from tests.factories import ArticleFactory


def test_the_digest_follows_the_code_and_templates_and_nothing_else(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<h1>{{ headline }}</h1>")
    (tmp_path / "views.py").write_text("def page(request): ...")
    before = code_digest([tmp_path])

    (tmp_path / "notes.md").write_text("Not code.")
    assert code_digest([tmp_path]) == before
    (tmp_path / "templates" / "page.html").write_text("<h2>{{ headline }}</h2>")
    assert code_digest([tmp_path]) != before
    assert code_digest([tmp_path], extra="5.2.1") != code_digest([tmp_path], extra="5.2.2")


@pytest.mark.django_db
def test_pages_kept_by_another_release_are_not_served(settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    front.copies.clear()
    ArticleFactory()
    monkeypatch.setattr("caching.pages.release", lambda: "before")
    front.request("/")
    assert front.request("/")["X-Cache"] == "hit"

    monkeypatch.setattr("caching.pages.release", lambda: "after")

    assert front.request("/")["X-Cache"] == "miss"
    assert front.request("/")["X-Cache"] == "hit"
    cache.clear()
    front.copies.clear()
