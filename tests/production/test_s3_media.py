"""Photos on S3 object storage: stored, served to readers, removed, and never looked up
while a page renders."""

import urllib.request
from contextlib import contextmanager
from html.parser import HTMLParser
from unittest import mock

import pytest
from botocore.client import BaseClient
from django.core.files.storage import default_storage
from django.urls import reverse

from gallery.models import Photo
from gallery.renditions import FORMATS, WIDTHS
from tests.admin.forms import form_data
from tests.factories import (
    ArticleFactory,
    GalleryFactory,
    PhotoFactory,
    SlideFactory,
    image_file,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:gallery_photo_add")
CONTENT_TYPES = {"jpg": "image/jpeg", "webp": "image/webp", "avif": "image/avif"}


def media_url(store):
    """Where readers load media from: the bucket at AWS_S3_CUSTOM_DOMAIN."""
    return f"{store.endpoint_url}/{store.bucket}/"


def stored_files(photo):
    """The original and every rendition recorded for ``photo``, once all are recorded."""
    photo.refresh_from_db()
    assert photo.renditions.keys() == WIDTHS.keys(), "the renditions were not all made"
    renditions = {entry[fmt] for entry in photo.renditions.values() for fmt in FORMATS}
    return {photo.image.name, *renditions}


def published_photo(capture):
    with capture(execute=True):
        return PhotoFactory()


class PictureSources(HTMLParser):
    """Every image address a <picture> offers: its sources' srcset, its img's src and srcset."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_picture = False
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self.in_picture = True
        elif self.in_picture and tag in ("source", "img"):
            if attrs.get("src"):
                self.urls.append(attrs["src"])
            for candidate in (attrs.get("srcset") or "").split(","):
                if candidate.strip():
                    self.urls.append(candidate.split()[0])

    def handle_endtag(self, tag):
        if tag == "picture":
            self.in_picture = False


def picture_urls(response):
    parser = PictureSources()
    parser.feed(response.content.decode())
    return parser.urls


@contextmanager
def storage_calls():
    """The S3 operations botocore makes inside the block, by name."""
    calls = []
    make_api_call = BaseClient._make_api_call

    def counted(client, operation_name, api_params):
        calls.append(operation_name)
        return make_api_call(client, operation_name, api_params)

    with mock.patch.object(BaseClient, "_make_api_call", counted):
        yield calls


def test_an_uploaded_photo_and_all_its_renditions_are_stored_in_the_bucket(
    s3_media, editor_client, django_capture_on_commit_callbacks
):
    data = form_data(editor_client.get(ADD_URL), "photo_form")
    data.update(
        image=image_file("liftoff.jpg"),
        title="A mighty roar",
        slug="a-mighty-roar",
        alt_text="A Soyuz rocket lifting off in a cloud of flame and smoke.",
        credit="NASA/Joel Kowsky",
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(ADD_URL, data)

    assert response.status_code == 302
    photo = Photo.objects.get(slug="a-mighty-roar")
    assert photo.image.name.endswith("/liftoff.jpg")
    assert s3_media.keys() == stored_files(photo)


def test_a_photo_page_offers_images_from_the_media_domain(
    s3_media, client, django_capture_on_commit_callbacks
):
    photo = published_photo(django_capture_on_commit_callbacks)

    urls = picture_urls(client.get(photo.get_absolute_url()))

    assert urls
    assert all(url.startswith(media_url(s3_media)) for url in urls), urls


def test_readers_get_the_images_with_their_type_and_a_year_long_cache_lifetime(
    s3_media, client, django_capture_on_commit_callbacks
):
    photo = published_photo(django_capture_on_commit_callbacks)
    urls = picture_urls(client.get(photo.get_absolute_url()))
    avif = next(url for url in urls if url.endswith(".avif"))
    webp = next(url for url in urls if url.endswith(".webp"))
    jpeg = next(url for url in urls if url.endswith(".jpg"))

    for url in (avif, webp, jpeg):
        # A reader's browser: no credentials.
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == CONTENT_TYPES[url.rsplit(".", 1)[1]]
            assert "max-age=31536000" in response.headers.get("Cache-Control", "")


@pytest.fixture
def pages(django_capture_on_commit_callbacks):
    """A photo page, a photo essay and the front page, each showing photos."""
    with django_capture_on_commit_callbacks(execute=True):
        photo = PhotoFactory()
        essay = GalleryFactory(cover=photo)
        SlideFactory(gallery=essay, photo=photo)
        SlideFactory(gallery=essay)
        ArticleFactory(hero_photo=PhotoFactory())
    return {
        "photo": photo.get_absolute_url(),
        "essay": essay.get_absolute_url(),
        "home": reverse("home"),
    }


@pytest.mark.parametrize("page", ["photo", "essay", "home"])
def test_rendering_a_page_makes_no_storage_call(s3_media, client, pages, page):
    with storage_calls() as calls:
        response = client.get(pages[page])

    assert response.status_code == 200
    assert media_url(s3_media) in response.content.decode()
    assert calls == []


def test_the_storage_call_count_sees_a_storage_call(s3_media):
    with storage_calls() as calls:
        default_storage.exists("photos/none/missing.jpg")

    assert calls == ["HeadObject"]


def test_deleting_a_photo_removes_its_files_from_the_bucket(
    s3_media, editor_client, django_capture_on_commit_callbacks
):
    photo = published_photo(django_capture_on_commit_callbacks)
    assert s3_media.keys() == stored_files(photo)

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:gallery_photo_delete", args=[photo.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert s3_media.keys() == set()


def test_replacing_a_photos_image_leaves_only_the_new_files_in_the_bucket(
    s3_media, django_capture_on_commit_callbacks
):
    photo = published_photo(django_capture_on_commit_callbacks)
    old_files = stored_files(photo)

    photo.image = image_file("second.jpg", width=1000, height=1600)
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()

    new_files = stored_files(photo)
    assert photo.image.name.endswith("/second.jpg")
    assert not new_files & old_files
    assert s3_media.keys() == new_files
