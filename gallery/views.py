from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.template.loader import render_to_string
from django.views.generic import DetailView, ListView

from caching import fragments
from caching.fragments import FragmentsMixin
from missions.models import Person
from publishing.views import ListPageMixin, PublishedDetailMixin, PublishedListMixin, viewer

from . import metadata
from .models import Gallery, Photo, Slide

READER = AnonymousUser()


def showing_one_of(photos):
    """Rows (slides, blocks) whose photo is one of ``photos``: EXISTS looks up each
    row's own photo, where ``photo__in`` lists the whole library first, and SQLite then
    walks tens of thousands of photos on each page of a big site."""
    return Exists(photos.filter(pk=OuterRef("photo_id")))


def by_key(photos):
    """``photos`` for a prefetch, which looks them up by primary key.

    EXISTS checks each photo found by its key. With the published() filter on the
    prefetch itself, SQLite (which has no statistics unless ANALYZE ran) walks its
    index of every published photo instead, to find a dozen.
    """
    return Photo.objects.filter(Exists(photos.filter(pk=OuterRef("pk"))))


def hide_unseen_photo(item, field_name, user=None):
    """Forget ``item``'s photo ``field_name``, read with it by a join, when ``user``
    (readers, by default) may not see it: what a prefetch of the photos they may see
    would have left. A join and this cost less than a query of their own."""
    photo = getattr(item, field_name)
    if photo is not None and not photo.is_visible_to(user or READER):
        item._meta.get_field(field_name).set_cached_value(item, None)
    return item


def gallery_cards(galleries):
    """What an essay card shows in a fixed number of queries: its cover, else its first
    slide (``first_slides``, a list of at most one), and its ``slide_count``.

    Counted by the database and only the first slide loaded: a list of essays costs
    the same whether they hold a dozen slides or a hundred.
    """
    shown = Slide.objects.filter(showing_one_of(Photo.objects.published()))
    count = shown.filter(gallery=OuterRef("pk")).values("gallery").annotate(n=Count("pk"))
    return galleries.annotate(
        slide_count=Coalesce(Subquery(count.values("n")), 0)
    ).prefetch_related(
        Prefetch("cover", queryset=by_key(Photo.objects.published())),
        Prefetch(
            "slides",
            queryset=shown.select_related("photo").order_by("order", "pk")[:1],
            to_attr="first_slides",
        ),
    )


def visible_slides(gallery, user):
    """The essay's slides whose photos this user may see, in the editor's order.

    Every slide is read with its photo and the hidden ones are left out here: an
    essay has tens of slides, and a condition on each one's photo cost more to
    build into the query than reading the few hidden ones does.
    """
    slides = gallery.slides.select_related("photo").order_by("order", "pk")
    return [slide for slide in slides if slide.photo.is_visible_to(user)]


class GalleryListView(PublishedListMixin, ListPageMixin, ListView):
    model = Gallery
    list_name = "Photo essays"
    paginate_by = 12
    cards = staticmethod(gallery_cards)


class GalleryDetailView(FragmentsMixin, PublishedDetailMixin, DetailView):
    model = Gallery

    def get_queryset(self):
        return super().get_queryset().select_related("mission", "cover")

    def get_object(self, queryset=None):
        if queryset is not None:
            return self.read_essay(queryset)
        # Kept for readers under the content version (caching.fragments): stale when
        # the essay, its mission or its cover change.
        return fragments.kept(
            self.request, "essay", self.kwargs[self.slug_url_kwarg], make=self.read_essay
        )

    def read_essay(self, queryset=None):
        return hide_unseen_photo(super().get_object(queryset), "cover", viewer(self.request))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = metadata.gallery_trail(self.object)
        # Kept for readers under the content version (caching.fragments): stale when
        # the essay, any of its slides or their photos change. Its structured data
        # holds absolute addresses, hence the host.
        context.update(
            fragments.kept(
                self.request,
                "essay-slides",
                self.object.pk,
                self.request.build_absolute_uri("/"),
                make=lambda: self.slides_content(context["breadcrumbs"]),
            )
        )
        # What a link to the essay shows when shared: its cover, or its first slide.
        context["share_photo"] = self.object.cover or context["first_photo"]
        return context

    def slides_content(self, trail):
        """All that the page shows of the slides: how many, the first one, the
        slides themselves and the structured data that describes them."""
        slides = visible_slides(self.object, viewer(self.request))
        first = slides[0] if slides else None
        return {
            "slide_count": len(slides),
            "first_photo": first.photo if first else None,
            "first_slide_url": first.get_absolute_url() if first else None,
            "slides_html": render_to_string(
                "includes/essay_slides.html", {"slides": slides, "slide_count": len(slides)}
            ),
            "structured_data": metadata.gallery_data(self.request, self.object, slides, trail),
        }


class SlideDetailView(PublishedDetailMixin, DetailView):
    """One slide of an essay at a time, with previous and next links."""

    model = Gallery
    template_name = "gallery/slide_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        slides = visible_slides(self.object, viewer(self.request))
        photo_slug = self.kwargs["photo_slug"]
        index = next((i for i, s in enumerate(slides) if s.photo.slug == photo_slug), None)
        if index is None:
            raise Http404("No such slide in this essay.")
        slide = slides[index]
        trail = metadata.slide_trail(self.object, slide.photo)
        context.update(
            {
                "slide": slide,
                "position": index + 1,
                "slide_count": len(slides),
                "previous_slide": slides[index - 1] if index > 0 else None,
                "next_slide": slides[index + 1] if index + 1 < len(slides) else None,
                "breadcrumbs": trail,
                "structured_data": metadata.slide_data(
                    self.request, self.object, slide, index + 1, trail
                ),
            }
        )
        return context


class PhotoDetailView(PublishedDetailMixin, DetailView):
    model = Photo

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("mission")
            .prefetch_related(
                Prefetch("people", queryset=Person.objects.order_by("name")),
                Prefetch("galleries", queryset=Gallery.objects.published()),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = trail = metadata.photo_trail(self.object)
        context["structured_data"] = metadata.photo_data(self.request, self.object, trail)
        return context
