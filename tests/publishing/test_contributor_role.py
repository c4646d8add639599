"""A contributor writes drafts in the admin and submits them for review; publishing,
scheduling, unpublishing and deleting are left to editors."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from gallery.models import Photo
from missions.models import Person
from publishing.models import Status
from tests.admin.forms import form_data
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    GalleryFactory,
    PersonFactory,
    jpeg_bytes,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def new_article_form(client, **fields):
    data = form_data(client.get(ADD_URL), "article_form")
    data.update(
        headline="Soyuz MS-09 lifts off",
        slug="soyuz-ms-09-lifts-off",
        standfirst="Three crew members are on their way to the station.",
    )
    data["bylines-0-person"] = PersonFactory(name="Tariq Malik").pk
    data.update(fields)
    return data


def own_draft(contributor, **fields):
    """A draft the contributor created, with the author the form asks for."""
    article = ArticleFactory(draft=True, created_by=contributor, **fields)
    BylineFactory(article=article)
    return article


def test_contributor_adds_a_draft_article_that_records_them(contributor_client, contributor):
    response = contributor_client.post(ADD_URL, new_article_form(contributor_client))

    assert response.status_code == 302
    article = Article.objects.get(slug="soyuz-ms-09-lifts-off")
    assert article.status == Status.DRAFT
    assert article.created_by == contributor
    assert not article.in_review


def test_contributor_sees_status_and_publish_time_read_only(contributor_client):
    data = form_data(contributor_client.get(ADD_URL), "article_form")

    assert "status" not in data
    assert "publish_at_0" not in data


def test_contributor_edits_their_own_draft(contributor_client, contributor):
    article = own_draft(contributor, headline="Soyuz MS-09 lifts off")
    data = form_data(contributor_client.get(change_url(article)), "article_form")
    data["headline"] = "Soyuz MS-09 reaches orbit"

    assert contributor_client.post(change_url(article), data).status_code == 302

    article.refresh_from_db()
    assert article.headline == "Soyuz MS-09 reaches orbit"


def test_contributor_submits_a_draft_and_sees_it_in_review_with_their_name(
    contributor_client, contributor
):
    article = own_draft(contributor, headline="Soyuz MS-09 lifts off")
    data = form_data(contributor_client.get(change_url(article)), "article_form")
    data["_submit_review"] = "Submit for review"

    response = contributor_client.post(change_url(article), data, follow=True)

    page = response.content.decode()
    assert "was saved and submitted for review" in page
    assert "In review - asked by contributor" in page
    article.refresh_from_db()
    assert article.review_requested_by == contributor
    assert article.status == Status.DRAFT


def test_the_change_form_offers_contributors_submit_for_review(contributor_client, contributor):
    page = contributor_client.get(change_url(own_draft(contributor))).content.decode()

    assert 'name="_submit_review"' in page


def test_the_change_form_offers_editors_no_submit_for_review(editor_client, contributor):
    page = editor_client.get(change_url(own_draft(contributor))).content.decode()

    assert 'name="_submit_review"' not in page


def test_contributor_submits_a_new_article_for_review_as_they_add_it(
    contributor_client, contributor
):
    data = new_article_form(contributor_client, _submit_review="Submit for review")

    assert contributor_client.post(ADD_URL, data).status_code == 302

    article = Article.objects.get(slug="soyuz-ms-09-lifts-off")
    assert article.review_requested_by == contributor


def test_contributor_submits_drafts_with_the_list_action(contributor_client, contributor):
    article = own_draft(contributor)

    response = contributor_client.post(
        CHANGELIST_URL,
        {"action": "submit_for_review", "_selected_action": [article.pk]},
        follow=True,
    )

    assert "Submitted 1 draft(s) for review." in response.content.decode()
    article.refresh_from_db()
    assert article.review_requested_by == contributor


def test_contributor_withdraws_their_review_request(contributor_client, contributor):
    article = own_draft(contributor)
    article.request_review(contributor)
    article.save()
    data = form_data(contributor_client.get(change_url(article)), "article_form")
    data["_withdraw_review"] = "Withdraw review request"

    response = contributor_client.post(change_url(article), data, follow=True)

    assert "is no longer in review" in response.content.decode()
    article.refresh_from_db()
    assert not article.in_review


def test_a_forged_form_that_publishes_is_refused(contributor_client, contributor):
    article = own_draft(contributor)
    data = form_data(contributor_client.get(change_url(article)), "article_form")
    data.update(status=Status.PUBLISHED, publish_at_0="2018-06-06", publish_at_1="11:12:00")

    response = contributor_client.post(change_url(article), data)

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_a_forged_add_form_that_publishes_is_refused(contributor_client):
    data = new_article_form(contributor_client, status=Status.PUBLISHED)

    assert contributor_client.post(ADD_URL, data).status_code == 403
    assert not Article.objects.exists()


def test_contributors_are_not_offered_publish_or_unpublish(contributor_client, contributor):
    own_draft(contributor)

    page = contributor_client.get(CHANGELIST_URL).content.decode()

    assert 'value="submit_for_review"' in page
    assert 'value="publish"' not in page
    assert 'value="unpublish"' not in page
    assert 'value="delete_selected"' not in page


@pytest.mark.parametrize("action", ["publish", "send_back"])
def test_a_forged_publish_or_send_back_action_is_refused(contributor_client, contributor, action):
    article = own_draft(contributor)
    article.request_review(contributor)
    article.save()

    response = contributor_client.post(
        CHANGELIST_URL, {"action": action, "_selected_action": [article.pk]}, follow=True
    )

    assert "No action selected." in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.in_review


def test_a_forged_unpublish_action_is_refused(contributor_client, contributor):
    article = ArticleFactory(created_by=contributor)

    contributor_client.post(
        CHANGELIST_URL, {"action": "unpublish", "_selected_action": [article.pk]}
    )

    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_contributor_cannot_delete_their_own_draft(contributor_client, contributor):
    article = own_draft(contributor)
    url = reverse("admin:articles_article_delete", args=[article.pk])

    assert contributor_client.get(url).status_code == 403
    assert contributor_client.post(url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_contributor_only_views_a_colleagues_draft(contributor_client, other_contributor):
    article = own_draft(other_contributor, headline="A colleague's notes")

    page = contributor_client.get(change_url(article))

    assert page.status_code == 200
    assert "View article" in page.content.decode()
    assert 'name="headline"' not in page.content.decode()


def test_contributor_cannot_save_a_colleagues_draft(contributor_client, other_contributor):
    article = own_draft(other_contributor, headline="A colleague's notes")
    data = form_data(contributor_client.get(ADD_URL), "article_form")
    data.update(headline="Taken over", slug=article.slug)

    assert contributor_client.post(change_url(article), data).status_code == 403
    article.refresh_from_db()
    assert article.headline == "A colleague's notes"


def test_contributor_cannot_save_their_own_published_article(contributor_client, contributor):
    article = ArticleFactory(created_by=contributor, headline="Soyuz MS-09 lifts off")
    data = form_data(contributor_client.get(ADD_URL), "article_form")
    data.update(headline="Changed after publishing", slug=article.slug)

    page = contributor_client.get(change_url(article))
    assert 'name="headline"' not in page.content.decode()
    assert contributor_client.post(change_url(article), data).status_code == 403
    article.refresh_from_db()
    assert article.headline == "Soyuz MS-09 lifts off"


def test_contributor_uploads_a_photo_as_their_draft(contributor_client, contributor):
    url = reverse("admin:gallery_photo_add")
    data = form_data(contributor_client.get(url), "photo_form")
    data.update(
        image=SimpleUploadedFile("liftoff.jpg", jpeg_bytes(800, 500), content_type="image/jpeg"),
        title="Liftoff",
        slug="liftoff",
        alt_text="A Soyuz rocket lifting off.",
        credit="NASA/Joel Kowsky",
    )

    assert contributor_client.post(url, data).status_code == 302

    photo = Photo.objects.get(slug="liftoff")
    assert photo.status == Status.DRAFT
    assert photo.created_by == contributor


def test_contributor_uploads_several_photos_into_their_essay(contributor_client, contributor):
    essay = GalleryFactory(draft=True, created_by=contributor)
    url = reverse("admin:gallery_gallery_add_photos", args=[essay.pk])
    files = [
        SimpleUploadedFile(name, jpeg_bytes(800, 500), content_type="image/jpeg")
        for name in ["on-the-pad.jpg", "liftoff.jpg"]
    ]

    assert contributor_client.post(url, {"photos": files}).status_code == 302

    photos = Photo.objects.filter(slides__gallery=essay)
    assert sorted(photo.slug for photo in photos) == ["liftoff", "on-the-pad"]
    assert {photo.created_by for photo in photos} == {contributor}


def test_contributor_adds_a_person_but_cannot_delete_one(contributor_client):
    url = reverse("admin:missions_person_add")
    data = form_data(contributor_client.get(url), "person_form")
    data.update(name="Tariq Malik", slug="tariq-malik", kind=Person.Kind.JOURNALIST)

    assert contributor_client.post(url, data).status_code == 302
    person = Person.objects.get(slug="tariq-malik")
    delete_url = reverse("admin:missions_person_delete", args=[person.pk])
    assert contributor_client.post(delete_url, {"post": "yes"}).status_code == 403
