"""An article's corrections and updates, read in a browser at phone and desktop width."""

import datetime
import json

import pytest
from playwright.sync_api import expect

from articles.models import Note
from tests.browser.support import BROWSER_TEST, horizontal_overflow, screenshot
from tests.browser.test_accessibility import BLOCKING, run_axe
from tests.factories import BlockFactory, BylineFactory, NoteFactory

pytestmark = BROWSER_TEST

NOTED = datetime.datetime(2018, 6, 7, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def noted_article(live_server):
    article = BylineFactory(article__publish_at=NOTED - datetime.timedelta(hours=20)).article
    BlockFactory(article=article, text="<p>The body of the article.</p>")
    NoteFactory(
        article=article, text="An earlier version gave the wrong launch pad.", noted_at=NOTED
    )
    NoteFactory(
        article=article,
        kind=Note.Kind.UPDATE,
        text="The crew reached the station " * 6,
        noted_at=NOTED + datetime.timedelta(hours=6),
    )
    return live_server.url + article.get_absolute_url()


@pytest.mark.parametrize("screen", ["phone", "page"])
def test_notes_read_well_and_pass_axe(noted_article, request, screen):
    page = request.getfixturevalue(screen)
    page.goto(noted_article)

    expect(page.locator(".story-note")).to_have_count(2)
    expect(page.locator(".story-note").first).to_contain_text("Update")
    expect(page.locator(".meta .updated")).to_contain_text("Updated")
    screenshot(page, "article-notes")
    assert horizontal_overflow(page) == 0
    blocking = [v for v in run_axe(page, "article-notes") if v["impact"] in BLOCKING]
    assert blocking == [], json.dumps(blocking, indent=2)
