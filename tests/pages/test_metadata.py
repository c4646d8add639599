"""What pages tell search engines, feed readers and link previews, and that it is true."""

import pytest
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    BlockFactory,
    BylineFactory,
    PersonFactory,
    PhotoFactory,
)
from tests.pages.head import expand, read_head

pytestmark = pytest.mark.django_db


def test_every_reader_page_has_its_own_title_description_and_canonical_link(client, reader_pages):
    titles = set()
    for url in reader_pages:
        head = read_head(client.get(url))
        titles.add(head.title)
        assert head.meta["description"].strip(), url
        canonical = head.link("canonical")
        assert canonical["href"] == f"http://testserver{url}", url
        assert head.meta["og:url"] == canonical["href"], url
    assert len(titles) == len(reader_pages)


def test_every_reader_page_has_open_graph_and_twitter_card_tags(client, reader_pages):
    for url in reader_pages:
        head = read_head(client.get(url))
        for key in ("og:site_name", "og:type", "og:title", "og:description", "twitter:card"):
            assert head.meta.get(key), (url, key)


def test_every_reader_page_links_the_latest_stories_feeds(client, reader_pages):
    for url in reader_pages:
        head = read_head(client.get(url))
        assert head.link("alternate", type="application/rss+xml", href="/feeds/latest/rss/"), url
        assert head.link("alternate", type="application/atom+xml", href="/feeds/latest/atom/"), url


def test_every_reader_page_has_json_ld_that_a_processor_reads(client, reader_pages):
    for url in reader_pages:
        head = read_head(client.get(url))
        assert len(head.json_ld) == 1, url
        expanded, dropped = expand(head.json_ld[0])
        assert expanded, url
        assert dropped == [], (url, dropped)


def test_canonical_link_of_a_later_page_keeps_its_page_number(client):
    ArticleFactory.create_batch(13)
    head = read_head(client.get(reverse("articles:index"), {"page": 2, "utm_source": "x"}))
    assert head.link("canonical")["href"] == "http://testserver/articles/?page=2"
    assert head.title.startswith("Articles (page 2)")


def test_search_page_is_kept_out_of_search_engines(client):
    head = read_head(client.get(reverse("search:index"), {"q": "soyuz"}))
    assert head.meta["robots"] == "noindex"
    assert head.link("canonical")["href"] == "http://testserver/search/?q=soyuz"


def test_draft_preview_is_kept_out_of_search_engines(staff_client):
    article = ArticleFactory(draft=True)
    head = read_head(staff_client.get(article.get_absolute_url()))
    assert head.meta["robots"] == "noindex"


def test_live_article_may_be_indexed(client):
    head = read_head(client.get(ArticleFactory().get_absolute_url()))
    assert "robots" not in head.meta


def test_article_json_ld_names_what_the_page_shows(client, quick_photo):
    photo = quick_photo(title="Liftoff", credit="NASA TV", caption="The rocket rises.")
    author = PersonFactory(name="Tariq Malik")
    article = ArticleFactory(headline="See the view", standfirst="A first for Russia.")
    BylineFactory(article=article, person=author)
    BlockFactory(article=article, text="", photo=photo, caption="")
    head = read_head(client.get(article.get_absolute_url()))

    [news] = head.nodes("NewsArticle")
    assert news["headline"] == "See the view"
    assert news["description"] == "A first for Russia."
    assert news["datePublished"] == article.publish_at.isoformat()
    assert news["author"] == [
        {
            "@type": "Person",
            "name": "Tariq Malik",
            "url": f"http://testserver/people/{author.slug}/",
        }
    ]
    assert news["publisher"]["name"] == "Launch Desk"
    [image] = news["image"]
    assert image["creditText"] == "NASA TV"
    assert image["caption"] == "The rocket rises."
    assert image["contentUrl"].startswith("http://testserver/media/renditions/")
    assert image["width"] == photo.rendition("full").width


def test_article_json_ld_leaves_out_a_draft_photo(client, quick_photo):
    article = ArticleFactory()
    BlockFactory(article=article, text="", photo=quick_photo(status="draft", title="Secret"))
    head = read_head(client.get(article.get_absolute_url()))
    [news] = head.nodes("NewsArticle")
    assert "image" not in news
    assert "Secret" not in str(head.json_ld)


def test_article_has_breadcrumbs_on_the_page_and_in_its_data(client):
    article = ArticleFactory(headline="See the view")
    response = client.get(article.get_absolute_url())
    [trail] = read_head(response).nodes("BreadcrumbList")
    assert [item["name"] for item in trail["itemListElement"]] == [
        "Home",
        "Articles",
        "See the view",
    ]
    assert trail["itemListElement"][1]["item"] == "http://testserver/articles/"
    assert "item" not in trail["itemListElement"][2]
    page = response.content.decode()
    assert '<nav class="breadcrumbs" aria-label="Breadcrumb">' in page
    assert '<li><a href="/articles/">Articles</a></li>' in page


def test_essay_json_ld_is_an_image_gallery_of_its_slides(client, essay):
    head = read_head(client.get(essay.get_absolute_url()))
    [gallery] = head.nodes("ImageGallery")
    assert gallery["name"] == essay.title
    slides = list(essay.slides.select_related("photo"))
    media = gallery["associatedMedia"]
    assert [image["name"] for image in media] == [slide.photo.title for slide in slides]
    assert [image["position"] for image in media] == [1, 2, 3]
    assert media[0]["url"] == f"http://testserver{slides[0].get_absolute_url()}"
    assert all(image["creditText"] for image in media)


def test_slide_page_shares_its_own_photo(client, essay):
    slide = essay.slides.select_related("photo").last()
    head = read_head(client.get(slide.get_absolute_url()))
    full = slide.photo.rendition("full")
    assert head.meta["og:image"] == f"http://testserver/media/{full.name}"
    assert head.meta["og:image:width"] == str(full.width)
    assert head.meta["og:image:alt"] == slide.photo.alt_text
    assert head.meta["twitter:card"] == "summary_large_image"
    [image] = head.nodes("ImageObject")
    assert image["name"] == slide.photo.title
    assert image["position"] == 3
    assert image["isPartOf"]["name"] == essay.title


def test_slide_page_preloads_its_photo(client, essay):
    slide = essay.slides.first()
    head = read_head(client.get(slide.get_absolute_url()))
    preload = head.link("preload")
    assert preload["as"] == "image"
    assert preload["fetchpriority"] == "high"
    assert slide.photo.rendition("slide", "avif").name in preload["imagesrcset"]
    assert preload["type"] == "image/avif"


def test_essay_page_does_not_share_a_draft_cover(client, essay):
    # A photo of its own: the essay's slides share one stored image.
    cover = PhotoFactory(draft=True, title="Draft cover")
    essay.cover = cover
    essay.save()
    head = read_head(client.get(essay.get_absolute_url()))
    first = essay.slides.select_related("photo").first().photo
    assert head.meta["og:image"].endswith(first.rendition("full").name)
    assert cover.image.name.split("/")[1] not in str(head)


def test_person_json_ld_gives_every_spelling_of_the_name(client):
    person = PersonFactory(
        name="Sergey Prokopyev",
        other_names="Sergei Prokopyev",
        agency="Roscosmos",
        job_title="",
    )
    head = read_head(client.get(person.get_absolute_url()))
    [node] = head.nodes("Person")
    assert node["name"] == "Sergey Prokopyev"
    assert node["alternateName"] == ["Sergei Prokopyev"]
    assert node["affiliation"] == {"@type": "Organization", "name": "Roscosmos"}


def test_home_page_describes_the_site_and_its_search(client):
    head = read_head(client.get(reverse("home")))
    [site] = head.nodes("WebSite")
    assert site["potentialAction"]["target"]["urlTemplate"] == (
        "http://testserver/search/?q={query}"
    )


def test_mission_page_links_its_own_feeds(client, reader_pages):
    mission_url = next(
        url for url in reader_pages if url.startswith("/missions/") and url != "/missions/"
    )
    head = read_head(client.get(mission_url))
    slug = mission_url.strip("/").split("/")[-1]
    assert head.link("alternate", href=f"/feeds/missions/{slug}/rss/")
    assert head.link("alternate", href=f"/feeds/missions/{slug}/atom/")


def test_editor_text_cannot_end_the_json_ld_block(client):
    article = ArticleFactory(headline="</script><script>alert(1)</script>", standfirst="a & b")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    [news] = read_head(client.get(article.get_absolute_url())).nodes("NewsArticle")
    assert news["headline"] == "</script><script>alert(1)</script>"
    assert news["description"] == "a & b"
