"""Test data: one factory per model, each making a valid, published record by default.

Add a factory at the end of this file when a model needs one; do not change the
existing ones, other tests rely on their defaults.
"""

import datetime
import io

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from articles.models import Article, Block, Byline, Note
from gallery.models import Gallery, Licence, Photo, Slide, photo_upload_to
from live.models import Entry, LiveCoverage
from missions.models import CrewMember, LaunchSite, Mission, Person
from publishing.models import Status


def jpeg_bytes(width=1600, height=1000, colour=(20, 40, 90), fmt="JPEG"):
    """A real image: a solid background with a lighter disc, encoded by Pillow."""
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((width // 4, height // 4, width * 3 // 4, height * 3 // 4), fill=(230, 140, 40))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, quality=85)
    return buffer.getvalue()


def image_file(name="photo.jpg", **kwargs):
    """An image as an editor uploads it: not yet in storage."""
    return ContentFile(jpeg_bytes(**kwargs), name=name)


def stored_image(name="photo.jpg", **kwargs):
    """An image already in media storage, where an upload would have put it.

    A photo saved with it records its renditions and has them written once its
    transaction commits, as a photo loaded from a fixture does.
    """
    storage = Photo._meta.get_field("image").storage
    return storage.save(photo_upload_to(None, name), image_file(name, **kwargs))


def in_a_day():
    return timezone.now() + datetime.timedelta(days=1)


class PublishableFactory(factory.django.DjangoModelFactory):
    """Published and live by default; ``draft=True`` or ``scheduled=True`` otherwise."""

    status = Status.PUBLISHED

    class Params:
        draft = factory.Trait(status=Status.DRAFT)
        scheduled = factory.Trait(publish_at=factory.LazyFunction(in_a_day))

    class Meta:
        abstract = True


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    kind = Person.Kind.ASTRONAUT
    agency = "NASA"

    class Meta:
        model = Person


class LaunchSiteFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Launch site {n}")
    slug = factory.Sequence(lambda n: f"launch-site-{n}")
    timezone = "UTC"

    class Meta:
        model = LaunchSite


class MissionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Soyuz MS-{n:02d}")
    slug = factory.Sequence(lambda n: f"soyuz-ms-{n:02d}")
    spacecraft = factory.LazyAttribute(lambda mission: mission.name)
    launch_vehicle = "Soyuz-FG"
    launch_at = datetime.datetime(2018, 6, 6, 11, 12, tzinfo=datetime.UTC)
    launch_site = factory.SubFactory(LaunchSiteFactory)
    destination = "International Space Station"

    class Meta:
        model = Mission


class CrewMemberFactory(factory.django.DjangoModelFactory):
    mission = factory.SubFactory(MissionFactory)
    person = factory.SubFactory(PersonFactory)
    group = CrewMember.Group.FLIGHT
    role = "Flight engineer"
    order = factory.Sequence(lambda n: n + 1)

    class Meta:
        model = CrewMember


class PhotoFactory(PublishableFactory):
    """A published photo with alt text, a credit and a real 1600x1000 JPEG, saved as
    an upload is. ``PhotoFactory(image=stored_image())`` starts from a file already in
    storage instead, as a photo loaded from a fixture does."""

    image = factory.LazyFunction(image_file)
    title = factory.Sequence(lambda n: f"Photo {n}")
    slug = factory.Sequence(lambda n: f"photo-{n}")
    caption = factory.LazyAttribute(lambda photo: f"Caption of {photo.title}.")
    alt_text = factory.LazyAttribute(lambda photo: f"Alt text of {photo.title}.")
    credit = "NASA"
    licence = Licence.PERMISSION

    class Meta:
        model = Photo


class GalleryFactory(PublishableFactory):
    title = factory.Sequence(lambda n: f"Photo essay {n}")
    slug = factory.Sequence(lambda n: f"photo-essay-{n}")
    introduction = "The mission in photos."

    class Meta:
        model = Gallery


class SlideFactory(factory.django.DjangoModelFactory):
    gallery = factory.SubFactory(GalleryFactory)
    photo = factory.SubFactory(PhotoFactory)
    order = factory.Sequence(lambda n: n + 1)

    class Meta:
        model = Slide


class ArticleFactory(PublishableFactory):
    headline = factory.Sequence(lambda n: f"Headline {n}")
    slug = factory.Sequence(lambda n: f"headline-{n}")
    standfirst = factory.LazyAttribute(lambda article: f"Standfirst of {article.headline}.")

    class Meta:
        model = Article


class BylineFactory(factory.django.DjangoModelFactory):
    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory, kind=Person.Kind.JOURNALIST)
    order = factory.Sequence(lambda n: n + 1)

    class Meta:
        model = Byline


class BlockFactory(factory.django.DjangoModelFactory):
    """A text block; ``BlockFactory(photo_block=True)`` for a photo block."""

    article = factory.SubFactory(ArticleFactory)
    text = factory.Sequence(lambda n: f"<p>Paragraph {n} of the story.</p>")
    order = factory.Sequence(lambda n: n + 1)

    class Params:
        photo_block = factory.Trait(text="", photo=factory.SubFactory(PhotoFactory))

    class Meta:
        model = Block


class NoteFactory(factory.django.DjangoModelFactory):
    article = factory.SubFactory(ArticleFactory)
    kind = Note.Kind.CORRECTION
    text = factory.Sequence(lambda n: f"An earlier version of this article was wrong ({n}).")

    class Meta:
        model = Note


class LiveCoverageFactory(PublishableFactory):
    """Live since an hour ago, open-ended, of a mission launching in half an hour."""

    title = factory.Sequence(lambda n: f"Live coverage {n}")
    slug = factory.Sequence(lambda n: f"live-coverage-{n}")
    mission = factory.SubFactory(
        MissionFactory,
        launch_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(minutes=30)),
    )
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Meta:
        model = LiveCoverage


class EntryFactory(factory.django.DjangoModelFactory):
    coverage = factory.SubFactory(LiveCoverageFactory)
    text = factory.Sequence(lambda n: f"<p>Update {n} from the pad.</p>")

    class Meta:
        model = Entry
