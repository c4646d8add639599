"""Pages to check: an essay of three slides, and one page of every kind readers see."""

import pytest
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    BlockFactory,
    BylineFactory,
    GalleryFactory,
    MissionFactory,
    PersonFactory,
    SlideFactory,
)


@pytest.fixture
def essay(quick_photo):
    """A published essay of three slides."""
    gallery = GalleryFactory(title="Expedition 56 in photos")
    for order, title in enumerate(["A Mighty Roar", "Capturing History", "Liftoff!"], 1):
        SlideFactory(gallery=gallery, photo=quick_photo(title=title), order=order)
    return gallery


@pytest.fixture
def reader_pages(essay):
    """The address of one page of every kind, all linked to each other."""
    mission = MissionFactory()
    person = PersonFactory()
    article = ArticleFactory(mission=mission, related_gallery=essay)
    BylineFactory(article=article, person=person)
    BlockFactory(article=article)
    slide = essay.slides.first()
    return [
        reverse("home"),
        reverse("articles:index"),
        article.get_absolute_url(),
        reverse("gallery:gallery_list"),
        essay.get_absolute_url(),
        slide.get_absolute_url(),
        slide.photo.get_absolute_url(),
        reverse("missions:mission_list"),
        mission.get_absolute_url(),
        reverse("missions:person_list"),
        person.get_absolute_url(),
    ]
