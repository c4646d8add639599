"""Which addresses hold which items' slugs, and an old address's current one.

Each reader address that holds a slug is named here with the model of each slug in
it: an essay's slide holds the essay's slug and its photo's, a person's feeds hold
the person's. An address whose slugs are current or old (``OldSlug``) leads to the
same address with the current slugs, worked out when a reader asks.
"""

from django.contrib.contenttypes.models import ContentType
from django.urls import Resolver404, resolve, reverse

from articles.models import Article
from gallery.models import Gallery, Photo
from missions.models import Mission, Person
from publishing.models import Publishable

from .models import OldSlug

ROUTES = {
    "articles:detail": {"slug": Article},
    "gallery:gallery_detail": {"slug": Gallery},
    "gallery:slide_detail": {"slug": Gallery, "photo_slug": Photo},
    "gallery:photo_detail": {"slug": Photo},
    "missions:mission_detail": {"slug": Mission},
    "missions:person_detail": {"slug": Person},
    "feeds:mission_rss": {"slug": Mission},
    "feeds:mission_atom": {"slug": Mission},
    "feeds:author_rss": {"slug": Person},
    "feeds:author_atom": {"slug": Person},
}

ADDRESSED_MODELS = (Article, Gallery, Photo, Mission, Person)


def visible(model, user):
    """The items of ``model`` this reader may be sent to: never a draft for a reader."""
    items = model._default_manager.all()
    if issubclass(model, Publishable):
        items = items.visible_to(user)
    return items


def current_slug(model, slug, user):
    """``slug`` when it is the current slug of an item this reader may see, else that
    item's current slug when ``slug`` is an old one of it, else None."""
    items = visible(model, user)
    if items.filter(slug=slug).exists():
        return slug
    owner = (
        OldSlug.objects.filter(content_type=ContentType.objects.get_for_model(model), slug=slug)
        .values_list("object_id", flat=True)
        .first()
    )
    if owner is None:
        return None
    return items.filter(pk=owner).values_list("slug", flat=True).first()


def current_address(path, user, urlconf=None):
    """The current address of the page an old address ``path`` showed, or None."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    route = ROUTES.get(match.view_name)
    if route is None:
        return None
    kwargs = dict(match.kwargs)
    for name, model in route.items():
        kwargs[name] = current_slug(model, match.kwargs[name], user)
        if kwargs[name] is None:
            return None
    if kwargs == match.kwargs:
        # Every slug is current: the page is missing for another reason.
        return None
    return reverse(match.view_name, kwargs=kwargs, urlconf=urlconf)
