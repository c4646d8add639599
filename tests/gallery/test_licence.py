"""A photo's licence and source: required to publish, shown to readers with the credit."""

import pytest
from django.urls import reverse

from gallery.models import Licence, Photo
from publishing.models import Status
from tests.admin.forms import form_data
from tests.factories import (
    ArticleFactory,
    BlockFactory,
    GalleryFactory,
    PhotoFactory,
    SlideFactory,
    image_file,
)
from tests.pages.head import read_head

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:gallery_photo_add")
CHANGELIST_URL = reverse("admin:gallery_photo_changelist")
CC_BY_DEED = "https://creativecommons.org/licenses/by/4.0/"
SOURCE = "https://images.example.org/soyuz-ms-09/liftoff"


def test_publishing_without_a_licence_is_refused_on_the_licence_field(editor_client):
    data = form_data(editor_client.get(ADD_URL), "photo_form")
    data.update(
        image=image_file("liftoff.jpg"),
        title="A mighty roar",
        slug="a-mighty-roar",
        alt_text="A Soyuz rocket lifting off.",
        credit="NASA/Joel Kowsky",
        licence="",
        status=Status.PUBLISHED,
    )

    response = editor_client.post(ADD_URL, data)

    assert not Photo.objects.exists()
    errors = response.context["adminform"].form.errors
    assert "cannot be published without a licence" in errors["licence"][0]
    assert "credit" not in errors


def test_publish_action_names_the_missing_licence_not_the_given_credit(editor_client):
    lacking = PhotoFactory(title="Launch pad at dawn", licence="", draft=True)

    response = editor_client.post(
        CHANGELIST_URL, {"action": "publish", "_selected_action": [lacking.pk]}, follow=True
    )

    page = response.content.decode()
    assert "“Launch pad at dawn” was not published" in page
    assert "cannot be published without a licence" in page
    assert "without a credit" not in page
    lacking.refresh_from_db()
    assert lacking.status == Status.DRAFT


def test_a_draft_may_lack_a_licence():
    photo = PhotoFactory.build(licence="", status=Status.DRAFT)

    photo.clean()


def test_photo_page_links_a_creative_commons_licence_to_its_deed(client, quick_photo):
    photo = quick_photo(credit="Jane Doe", licence=Licence.CC_BY_4)

    page = client.get(photo.get_absolute_url())

    assert page.status_code == 200
    assert f'<a rel="license" href="{CC_BY_DEED}">CC BY 4.0</a>' in page.content.decode()


def test_a_licence_without_a_deed_is_shown_as_its_label_alone(client, quick_photo):
    photo = quick_photo(licence=Licence.ALL_RIGHTS_RESERVED)

    page = client.get(photo.get_absolute_url()).content.decode()

    assert "Licence: All rights reserved" in page
    assert 'rel="license"' not in page


def test_photo_page_links_the_source_beside_the_credit(client, quick_photo):
    photo = quick_photo(source_url=SOURCE)

    page = client.get(photo.get_absolute_url()).content.decode()

    assert f'href="{SOURCE}">Source' in page


def test_essay_slide_shows_the_licence_and_source(client, quick_photo):
    photo = quick_photo(licence=Licence.CC_BY_SA_4, source_url=SOURCE)
    slide = SlideFactory(gallery=GalleryFactory(), photo=photo)

    for url in (slide.gallery.get_absolute_url(), slide.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "CC BY-SA 4.0</a>" in page, url
        assert f'href="{SOURCE}"' in page, url


def test_article_figure_shows_the_licence_with_the_credit(client, quick_photo):
    photo = quick_photo(credit="NASA TV", licence=Licence.CC_BY_4)
    article = ArticleFactory()
    BlockFactory(article=article, text="", photo=photo, caption="")

    page = client.get(article.get_absolute_url()).content.decode()

    assert '(Image credit: NASA TV <span aria-hidden="true" class="sep">·</span> ' in page
    assert f'href="{CC_BY_DEED}">CC BY 4.0</a>' in page


def test_a_typed_source_is_escaped(client, quick_photo):
    photo = quick_photo(source_url='https://example.org/?a="><b>x</b>')

    page = client.get(photo.get_absolute_url()).content.decode()

    assert "<b>x</b>" not in page


def test_json_ld_gives_the_licence_deed_and_the_source(client, quick_photo):
    photo = quick_photo(licence=Licence.CC_BY_4, source_url=SOURCE)

    [image] = read_head(client.get(photo.get_absolute_url())).nodes("ImageObject")

    assert image["license"] == CC_BY_DEED
    assert image["acquireLicensePage"] == SOURCE


def test_json_ld_leaves_out_a_licence_without_a_deed(client, quick_photo):
    photo = quick_photo(licence=Licence.PERMISSION)

    [image] = read_head(client.get(photo.get_absolute_url())).nodes("ImageObject")

    assert "license" not in image
    assert "acquireLicensePage" not in image
