"""A reader searches the launch story from the header's search box."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from publishing.models import Status
from tests.browser.support import BROWSER_TEST

pytestmark = BROWSER_TEST


def search_from_the_header(page, site, query):
    page.goto(site + "/")
    box = page.get_by_role("search").get_by_role("searchbox", name="Search")
    box.fill(query)
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("aunon", "Serena Auñón-Chancellor"),
        ("AUÑÓN", "Serena Auñón-Chancellor"),
        ("sergei", "Sergey Prokopyev"),
        ("Sergey", "Sergey Prokopyev"),
        ("mighty roar", "A Mighty Roar"),
    ],
)
def test_reader_finds_people_and_photos_whatever_the_spelling(story, phone, query, found):
    search_from_the_header(phone, story, query)
    result = phone.locator(".search-result").filter(has_text=found).first
    expect(result).to_be_visible()
    expect(result.locator("mark").first).to_be_visible()
    result.get_by_role("link").first.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(found)


def test_headline_match_comes_before_body_matches(story, page):
    search_from_the_header(page, story, "breathtaking")
    first = page.locator(".search-result").first
    expect(first).to_contain_text("See the Breathtaking View")


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        '"soyuz',
        "100% _ms",
        "x" * 300,
    ],
)
def test_odd_queries_get_a_normal_page(story, page, query):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    search_from_the_header(page, story, query)
    expect(page.get_by_role("searchbox", name="Search")).to_have_value(query[:200])
    assert dialogs == []
    assert page.problems.messages == []


def test_an_article_back_to_draft_is_no_longer_found(story, page):
    article = Article.objects.get()
    article.status = Status.DRAFT
    article.save()
    search_from_the_header(page, story, "breathtaking")
    expect(page.get_by_text("No results for “breathtaking”")).to_be_visible()
