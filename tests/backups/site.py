"""A site worth backing up, and what a restore must give back of it.

The launch story as its fixture loads it, plus factory content: drafts and scheduled
items, a reporter who writes and is named in several articles, essays with slides,
text and photo blocks, and accounts with rights from groups and of their own.
"""

import datetime

from django.contrib.auth import get_user_model  # noqa: F401 - tests use it
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from articles.models import Article
from gallery.models import Gallery, Photo, Slide
from missions.models import LaunchSite, Mission, Person
from tests.factories import (
    ArticleFactory,
    BlockFactory,
    BylineFactory,
    CrewMemberFactory,
    GalleryFactory,
    PersonFactory,
    PhotoFactory,
    SlideFactory,
    UserFactory,
    image_file,
)

# Jobs queued, not run: the launch story's twelve camera-sized photos keep their
# renditions pending (pages leave them out), where making them would take a minute.
QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SEARCHES = ["soyuz", "launch", "reporter", "expedition", "prokopyev", "photo essay"]


def small_photo(**fields):
    """A published photo whose renditions are made at once from a small real JPEG."""
    return PhotoFactory(image=image_file(width=480, height=320), **fields)


def build():
    with override_settings(TASKS=QUEUED):
        call_command("loaddata", "launch_story", verbosity=0)
    mission = Mission.objects.get(slug="soyuz-ms-09")
    reporter = PersonFactory(
        name="Ada Reporter", slug="ada-reporter", kind=Person.Kind.JOURNALIST, agency=""
    )
    reporter.portrait = small_photo(title="Ada's portrait", slug="ada-portrait")
    reporter.save()
    crew = CrewMemberFactory(mission__name="Soyuz MS-20", mission__slug="soyuz-ms-20")
    for n, state in enumerate(["live", "live", "draft", "scheduled"]):
        article = ArticleFactory(
            headline=f"Launch report {n} ({state})",
            slug=f"launch-report-{n}",
            mission=mission if n % 2 == 0 else crew.mission,
            hero_photo=small_photo(title=f"Hero {n}", slug=f"hero-{n}") if n == 1 else None,
            publish_at=datetime.datetime(2018, 6, 7 + n, 9, tzinfo=datetime.UTC),
            draft=state == "draft",
            scheduled=state == "scheduled",
        )
        BylineFactory(article=article, person=reporter, order=1)
        article.people.add(reporter, crew.person)
        BlockFactory(article=article, order=1, text=f"<p>Paragraph of report {n}.</p>")
        BlockFactory(
            article=article,
            order=2,
            text="",
            photo=small_photo(title=f"Block photo {n}", slug=f"block-photo-{n}"),
            caption=f"Caption of block {n}.",
        )
    essay = GalleryFactory(title="Rollout in photos", slug="rollout-in-photos", mission=mission)
    for n in range(3):
        SlideFactory(gallery=essay, photo=small_photo(title=f"Rollout {n}", slug=f"rollout-{n}"))
    SlideFactory(
        gallery=GalleryFactory(title="Draft essay", slug="draft-essay", draft=True),
        photo=small_photo(title="Draft slide", slug="draft-slide", draft=True),
    )
    draft_photo = small_photo(title="Unseen", slug="unseen", draft=True)
    draft_photo.people.add(reporter)

    editor = UserFactory(username="editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    desk = UserFactory(username="desk", is_staff=True)
    desk.user_permissions.add(Permission.objects.get_by_natural_key("view_user", "auth", "user"))
    UserFactory(username="chief", is_staff=True, is_superuser=True)


def reader_urls():
    urls = [
        reverse("home"),
        reverse("articles:index"),
        reverse("gallery:gallery_list"),
        reverse("missions:mission_list"),
        reverse("missions:person_list"),
        reverse("sitemap"),
        reverse("feeds:latest_rss"),
        reverse("feeds:latest_atom"),
        "/robots.txt",
    ]
    # Drafts and scheduled items too: their pages must stay 404s.
    urls += [article.get_absolute_url() for article in Article.objects.order_by("slug")]
    urls += [essay.get_absolute_url() for essay in Gallery.objects.order_by("slug")]
    urls += [slide.get_absolute_url() for slide in Slide.objects.order_by("pk")]
    urls += [photo.get_absolute_url() for photo in Photo.objects.order_by("slug")]
    for mission in Mission.objects.order_by("slug"):
        urls.append(mission.get_absolute_url())
        urls.append(reverse("feeds:mission_rss", args=[mission.slug]))
        urls.append(reverse("feeds:mission_atom", args=[mission.slug]))
    for person in Person.objects.order_by("slug"):
        urls.append(person.get_absolute_url())
        urls.append(reverse("feeds:author_rss", args=[person.slug]))
    for section in ["articles", "essays", "slides", "photos", "missions", "people"]:
        urls.append(reverse("sitemap_section", args=[section]))
    urls += [f"{reverse('search:index')}?q={query}" for query in SEARCHES]
    return urls


def reader_pages():
    """Every reader page, as an anonymous reader gets it: status and exact bytes."""
    client = Client()
    pages = {}
    for url in reader_urls():
        response = client.get(url)
        pages[url] = (response.status_code, response.content)
    return pages


def rights():
    """Every group's and account's rights, permissions by natural key."""
    groups = {
        group.name: sorted(perm.natural_key() for perm in group.permissions.all())
        for group in Group.objects.all()
    }
    users = {
        user.username: {
            "password": user.password,
            "staff": user.is_staff,
            "superuser": user.is_superuser,
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "own": sorted(perm.natural_key() for perm in user.user_permissions.all()),
            "all": sorted(user.get_all_permissions()),
        }
        for user in get_user_model().objects.all()
    }
    return {"groups": groups, "users": users}


def shift_keys():
    """Use up some primary keys of an empty database, so restored rows get others."""
    for n in range(3):
        site = LaunchSite.objects.create(name=f"x{n}", slug=f"x{n}", timezone="UTC")
        person = Person.objects.create(name=f"x{n}", slug=f"x{n}")
        article = Article.objects.create(headline=f"x{n}", slug=f"x{n}")
        essay = Gallery.objects.create(title=f"x{n}", slug=f"x{n}")
        for record in (essay, article, person, site):
            record.delete()
