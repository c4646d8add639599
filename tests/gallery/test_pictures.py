"""Pages offer each screen the right file, from recorded renditions, at no storage cost."""

import re
from html.parser import HTMLParser

import pytest
from django.core.files.storage import FileSystemStorage
from django.template import Context, Template
from django.urls import reverse

from gallery.renditions import WIDTHS
from tests.factories import GalleryFactory, PhotoFactory, SlideFactory, image_file

pytestmark = pytest.mark.django_db

SIZES = "(min-width: 66rem) 64rem, calc(100vw - 2rem)"


class Images(HTMLParser):
    """The <img> and <source> tags of a page, as attribute dicts."""

    def __init__(self, html):
        super().__init__()
        self.imgs, self.sources = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.imgs.append(dict(attrs))
        elif tag == "source":
            self.sources.append(dict(attrs))


def render(source, **context):
    return Template("{% load photos %}" + source).render(Context(context))


def srcset_widths(srcset):
    return [int(width) for width in re.findall(r" (\d+)w(?:,|$)", srcset)]


def test_srcset_offers_no_entry_wider_than_the_original():
    photo = PhotoFactory(image=image_file(width=500, height=400))

    page = Images(render('{% picture photo "full" sizes="100vw" %}', photo=photo))

    for srcset in (page.imgs[0]["srcset"], page.sources[0]["srcset"]):
        assert srcset_widths(srcset) == [320, 480, 500]


def test_a_slide_offers_every_width_up_to_the_slide_size_in_avif_webp_and_jpeg():
    photo = PhotoFactory(image=image_file(width=3000, height=2000))

    page = Images(render('{% picture photo "slide" sizes=sizes %}', photo=photo, sizes=SIZES))

    (avif, webp), img = page.sources, page.imgs[0]
    assert (avif["type"], webp["type"]) == ("image/avif", "image/webp")
    for srcset in (avif["srcset"], webp["srcset"], img["srcset"]):
        assert srcset_widths(srcset) == [320, 480, 720, 1080, 1440]
    assert ".avif" in avif["srcset"] and ".webp" in webp["srcset"] and ".jpg" in img["srcset"]
    assert avif["sizes"] == webp["sizes"] == img["sizes"] == SIZES


def test_a_photo_made_before_avif_renditions_is_offered_webp_and_jpeg():
    photo = PhotoFactory(image=image_file(width=3000, height=2000))
    for entry in photo.renditions.values():
        del entry["avif"]

    page = Images(render('{% picture photo "slide" sizes=sizes %}', photo=photo, sizes=SIZES))

    assert [source["type"] for source in page.sources] == ["image/webp"]


def test_a_360px_phone_at_2x_is_offered_a_file_about_720px_wide():
    photo = PhotoFactory(image=image_file(width=3000, height=2000))

    page = Images(render('{% picture photo "slide" sizes="100vw" %}', photo=photo))

    assert 720 in srcset_widths(page.sources[0]["srcset"])


def test_a_card_is_offered_up_to_the_phone_width_for_high_density_screens():
    photo = PhotoFactory(image=image_file(width=3000, height=2000))

    page = Images(render('{% picture photo "card" sizes="23rem" %}', photo=photo))

    assert srcset_widths(page.sources[0]["srcset"]) == [320, 480, 720]
    assert page.imgs[0]["width"] == str(WIDTHS["card"])


def test_every_img_carries_width_and_height_of_its_fallback_file():
    photo = PhotoFactory(image=image_file(width=1600, height=1000))

    img = Images(render('{% picture photo "slide" %}', photo=photo)).imgs[0]

    assert (img["width"], img["height"]) == ("1440", "900")
    assert img["src"].endswith(".jpg")
    assert img["alt"] == photo.alt_text


def test_the_first_image_of_a_page_loads_eagerly_and_the_others_lazily(client):
    essay = GalleryFactory()
    for _ in range(3):
        SlideFactory(gallery=essay)

    imgs = Images(client.get(essay.get_absolute_url()).content.decode()).imgs

    pictures = [img for img in imgs if "srcset" in img]
    assert len(pictures) == 3
    first, *others = pictures
    assert first["fetchpriority"] == "high" and "loading" not in first
    for img in others:
        assert (img["loading"], img["decoding"]) == ("lazy", "async")
        assert "width" in img and "height" in img


def test_rendering_an_essay_asks_the_storage_nothing_and_hashes_no_spec(client, monkeypatch):
    essay = GalleryFactory()
    for _ in range(4):
        SlideFactory(gallery=essay)
    calls = []
    for method in ("exists", "open", "size"):
        original = getattr(FileSystemStorage, method)

        def counted(self, *args, _method=method, _original=original, **kwargs):
            calls.append(_method)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(FileSystemStorage, method, counted)
    import imagekit.hashers

    hashes = []
    original_pickle = imagekit.hashers.pickle
    monkeypatch.setattr(
        imagekit.hashers, "pickle", lambda obj: hashes.append(obj) or original_pickle(obj)
    )

    response = client.get(essay.get_absolute_url())

    assert response.status_code == 200
    assert response.content.decode().count("<picture>") == 4
    assert calls == []
    assert hashes == []


def test_preload_names_the_same_files_as_the_picture():
    photo = PhotoFactory(image=image_file(width=3000, height=2000))

    html = render('{% preload_picture photo "slide" sizes=sizes %}', photo=photo, sizes=SIZES)

    # The <picture>'s first source, which the browser then takes.
    assert html.startswith('<link rel="preload" as="image" type="image/avif"')
    assert photo.rendition("slide", "avif").name in html
    assert f'imagesizes="{SIZES}"' in html
    assert srcset_widths(re.search(r'imagesrcset="([^"]+)"', html)[1]) == [
        320,
        480,
        720,
        1080,
        1440,
    ]


def test_the_full_size_rendition_gives_url_and_size_for_links_and_og_image():
    photo = PhotoFactory(image=image_file(width=3000, height=2000))

    html = render(
        '{% rendition photo "full" as full %}{{ full.url }} {{ full.width }}x{{ full.height }}',
        photo=photo,
    )

    assert html == f"{photo.full_jpeg.url} 2048x1365"
    assert html.startswith("/media/renditions/")


def test_the_rendition_tag_gives_an_absolute_url_for_og_image(rf):
    photo = PhotoFactory(image=image_file(width=3000, height=2000))

    html = render(
        '{% rendition photo "full" absolute=True as og %}{{ og.url }}',
        photo=photo,
        request=rf.get("/"),
    )

    assert html == f"http://testserver{photo.full_jpeg.url}"


def test_a_photo_without_an_image_renders_nothing():
    photo = PhotoFactory.build(image=None)

    assert render('{% picture photo "slide" %}', photo=photo).strip() == ""


def test_the_slide_view_links_to_the_full_size_image(client):
    slide = SlideFactory()

    response = client.get(
        reverse("gallery:slide_detail", args=[slide.gallery.slug, slide.photo.slug])
    )

    assert f'href="{slide.photo.renditions["full"]["jpeg"]}"' not in response.content.decode()
    assert f'href="/media/{slide.photo.renditions["full"]["jpeg"]}"' in response.content.decode()
