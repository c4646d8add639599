"""Corrections and updates: dated notes at the end of an article, in its byline, its
structured data and the feeds."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.urls import reverse

from articles.models import Note
from tests.admin.forms import add_inline_row, form_data
from tests.factories import ArticleFactory, BylineFactory, NoteFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
PUBLISHED = datetime.datetime(2018, 6, 6, 12, 0, tzinfo=datetime.UTC)
CORRECTED = datetime.datetime(2018, 6, 7, 9, 30, tzinfo=datetime.UTC)
UPDATED = datetime.datetime(2018, 6, 8, 16, 45, tzinfo=datetime.UTC)


@pytest.fixture
def article():
    return ArticleFactory(publish_at=PUBLISHED)


def structured(response):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    graph = json.loads(found.group(1))["@graph"]
    return next(node for node in graph if node["@type"] == "NewsArticle")


def atom_entry(client):
    root = ET.fromstring(client.get(reverse("feeds:latest_atom")).content)
    return root.find(f"{ATOM}entry")


def test_notes_are_shown_newest_first_with_their_times(client, article):
    NoteFactory(article=article, text="The crew was three.", noted_at=CORRECTED)
    NoteFactory(article=article, kind=Note.Kind.UPDATE, text="They docked.", noted_at=UPDATED)

    body = client.get(article.get_absolute_url()).text.split('class="story-body')[1]

    assert body.index("They docked.") < body.index("The crew was three.")
    assert body.count('class="story-note ') == 2
    assert '<time datetime="2018-06-08T16:45:00+00:00">June 8, 2018, 16:45 UTC</time>' in body
    assert '<time datetime="2018-06-07T09:30:00+00:00">June 7, 2018, 09:30 UTC</time>' in body


def test_note_box_names_its_kind(client, article):
    NoteFactory(article=article, kind=Note.Kind.UPDATE, text="They docked.")

    response = client.get(article.get_absolute_url())

    assert 'class="story-note story-note-update"' in response.text
    assert ">Update <span" in response.text


def test_byline_says_updated_at_the_newest_note(client, article):
    NoteFactory(article=article, noted_at=CORRECTED)
    NoteFactory(article=article, kind=Note.Kind.UPDATE, noted_at=UPDATED)

    response = client.get(article.get_absolute_url())

    assert (
        '<span class="updated">Updated <time datetime="2018-06-08T16:45:00+00:00">'
        "June 8, 2018, 16:45 UTC</time></span>" in response.text
    )


def test_byline_says_nothing_of_updates_without_a_note(client, article):
    response = client.get(article.get_absolute_url())

    assert "Updated" not in response.text
    assert "story-note" not in response.text


def test_html_in_a_note_is_shown_as_text(client, article):
    NoteFactory(article=article, text='<script>alert("x")</script> <b>bold</b>')

    response = client.get(article.get_absolute_url())

    assert "<script>alert" not in response.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;" in (
        response.text
    )


def test_structured_data_is_modified_at_the_newest_note(client, article):
    NoteFactory(article=article, noted_at=CORRECTED)
    NoteFactory(article=article, kind=Note.Kind.UPDATE, noted_at=UPDATED)

    data = structured(client.get(article.get_absolute_url()))

    assert data["dateModified"] == "2018-06-08T16:45:00+00:00"


def test_structured_data_without_notes_is_modified_at_the_publish_time(client, article):
    data = structured(client.get(article.get_absolute_url()))

    assert data["dateModified"] == "2018-06-06T12:00:00+00:00"
    assert "correction" not in data
    assert "comment" not in data


def test_structured_data_names_corrections_and_updates(client, article):
    NoteFactory(article=article, text="The crew was three.", noted_at=CORRECTED)
    NoteFactory(article=article, kind=Note.Kind.UPDATE, text="They docked.", noted_at=UPDATED)

    data = structured(client.get(article.get_absolute_url()))

    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "The crew was three.",
            "datePublished": "2018-06-07T09:30:00+00:00",
        }
    ]
    assert data["comment"] == [
        {"@type": "Comment", "text": "They docked.", "datePublished": "2018-06-08T16:45:00+00:00"}
    ]


def test_atom_entry_is_updated_at_the_newest_note(client, article):
    NoteFactory(article=article, noted_at=UPDATED)

    entry = atom_entry(client)

    assert entry.find(f"{ATOM}updated").text == "2018-06-08T16:45:00+00:00"


def test_feed_item_carries_the_notes(client, article):
    NoteFactory(article=article, text="The crew was <three>.", noted_at=CORRECTED)

    root = ET.fromstring(client.get(reverse("feeds:latest_rss")).content)
    description = root.find("channel/item/description").text

    assert (
        "<p><strong>Correction, June 7, 2018, 09:30 UTC:</strong> The crew was &lt;three&gt;.</p>"
        in description
    )


def test_saving_without_a_note_changes_no_date(client, article):
    with time_machine.travel(UPDATED):
        article.headline = "Typo fixed"
        article.save()

    data = structured(client.get(article.get_absolute_url()))
    entry = atom_entry(client)

    assert data["dateModified"] == "2018-06-06T12:00:00+00:00"
    assert entry.find(f"{ATOM}updated").text == "2018-06-06T12:00:00+00:00"
    assert "Updated" not in client.get(article.get_absolute_url()).text


def test_editor_adds_a_note_in_the_article_admin(editor_client):
    article = BylineFactory().article
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form")
    add_inline_row(
        data,
        "notes",
        kind="update",
        text="They docked.",
        # Typed in the desk's zone (New York, EDT): 16:45 UTC.
        noted_at_0="2018-06-08",
        noted_at_1="12:45:00",
    )

    response = editor_client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    note = article.notes.get()
    assert (note.kind, note.text, note.noted_at) == ("update", "They docked.", UPDATED)


def test_two_notes_of_an_article_at_one_time_are_refused_with_a_message(editor_client, article):
    BylineFactory(article=article)
    NoteFactory(article=article, noted_at=CORRECTED)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form")
    add_inline_row(
        data,
        "notes",
        kind="update",
        text="Same minute.",
        # Typed in the desk's zone (New York, EDT): 09:30 UTC.
        noted_at_0="2018-06-07",
        noted_at_1="05:30:00",
    )

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "Please correct the duplicate" in response.text
    assert "Same minute." in response.text
    assert article.notes.count() == 1
