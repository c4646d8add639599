"""An editor finds the drafts submitted for review, publishes them or sends them back."""

import pytest
from django.urls import reverse

from articles.models import Article
from publishing.models import Status
from tests.admin.forms import form_data
from tests.factories import ArticleFactory, BylineFactory, GalleryFactory, PhotoFactory

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:articles_article_changelist")


def submitted(contributor, factory=ArticleFactory, **fields):
    item = factory(draft=True, created_by=contributor, **fields)
    item.request_review(contributor)
    item.save()
    return item


def test_the_in_review_filter_lists_only_submitted_drafts(editor_client, contributor):
    submitted(contributor, headline="Soyuz MS-09 lifts off")
    ArticleFactory(draft=True, headline="An unfinished draft")

    page = editor_client.get(CHANGELIST_URL, {"review": "yes"}).content.decode()

    assert "Soyuz MS-09 lifts off" in page
    assert "In review - asked by contributor" in page
    assert "An unfinished draft" not in page


@pytest.mark.parametrize(
    ("factory", "url_name"),
    [
        (PhotoFactory, "admin:gallery_photo_changelist"),
        (GalleryFactory, "admin:gallery_gallery_changelist"),
    ],
)
def test_photos_and_essays_in_review_show_so_in_their_lists(
    editor_client, contributor, factory, url_name
):
    submitted(contributor, factory)

    page = editor_client.get(reverse(url_name), {"review": "yes"}).content.decode()

    assert "In review - asked by contributor" in page


def test_editor_publishes_a_submitted_draft_and_the_request_is_cleared(
    editor_client, contributor, anonymous_client
):
    article = submitted(contributor, headline="Soyuz MS-09 lifts off")

    response = editor_client.post(
        CHANGELIST_URL, {"action": "publish", "_selected_action": [article.pk]}, follow=True
    )

    assert "Published 1 item(s)." in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert not article.in_review
    assert anonymous_client.get(article.get_absolute_url()).status_code == 200


def test_publishing_on_the_form_clears_the_request(editor_client, contributor):
    article = submitted(contributor)
    BylineFactory(article=article)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form")
    data["status"] = Status.PUBLISHED

    assert editor_client.post(url, data).status_code == 302

    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.review_requested_by is None


def test_editor_sends_a_draft_back_to_its_contributor(editor_client, contributor):
    article = submitted(contributor)

    response = editor_client.post(
        CHANGELIST_URL, {"action": "send_back", "_selected_action": [article.pk]}, follow=True
    )

    assert "Sent 1 item(s) back to their contributors" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.review_requested_at is None
    assert article.review_requested_by is None


def test_a_draft_sent_back_is_the_contributors_to_submit_again(contributor_client, contributor):
    article = submitted(contributor)
    article.clear_review_request()
    article.save()
    url = reverse("admin:articles_article_change", args=[article.pk])

    assert 'name="_submit_review"' in contributor_client.get(url).content.decode()


def test_editors_are_offered_publish_and_send_back_not_submit(editor_client):
    ArticleFactory(draft=True)

    page = editor_client.get(CHANGELIST_URL).content.decode()

    assert 'value="publish"' in page
    assert 'value="send_back"' in page
    assert 'value="submit_for_review"' not in page


def test_editor_may_still_edit_a_contributors_draft(editor_client, contributor):
    article = submitted(contributor, headline="Soyuz MS-09 lifts off")
    BylineFactory(article=article)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form")
    data["headline"] = "Soyuz MS-09 reaches orbit"

    assert editor_client.post(url, data).status_code == 302
    assert Article.objects.get(pk=article.pk).headline == "Soyuz MS-09 reaches orbit"
