from django.db.models import Prefetch, Q
from django.shortcuts import render
from django.views.generic import DetailView, ListView

from gallery.models import Gallery, Photo
from gallery.views import by_key, gallery_cards, showing_one_of
from missions.models import CrewMember, Mission
from publishing.views import ListPageMixin, PublishedDetailMixin, PublishedListMixin, viewer

from . import metadata
from .models import Article, Block, Byline


def article_cards(articles):
    """What an article card shows (lead photo, authors) in a fixed number of queries."""
    published_photos = Photo.objects.published()
    return articles.prefetch_related(
        Prefetch("hero_photo", queryset=by_key(published_photos)),
        Prefetch("bylines", queryset=Byline.objects.select_related("person")),
        # The first photo block only: the card shows it when there is no hero.
        Prefetch(
            "blocks",
            queryset=Block.objects.filter(showing_one_of(published_photos))
            .select_related("photo")
            .order_by("order", "pk")[:1],
            to_attr="photo_blocks",
        ),
    )


def home(request):
    articles = list(article_cards(Article.objects.published())[:7])
    context = {
        "lead": articles[0] if articles else None,
        "latest": articles[1:],
        "galleries": gallery_cards(Gallery.objects.published())[:3],
        "missions": Mission.objects.select_related("launch_site").prefetch_related(
            Prefetch("crew_members", queryset=CrewMember.objects.select_related("person"))
        )[:2],
        "structured_data": metadata.home_data(request),
    }
    return render(request, "articles/home.html", context)


class ArticleListView(PublishedListMixin, ListPageMixin, ListView):
    model = Article
    list_name = "Articles"
    paginate_by = 12
    cards = staticmethod(article_cards)


class ArticleDetailView(PublishedDetailMixin, DetailView):
    model = Article

    def get_queryset(self):
        # A staff member previewing a draft sees its draft photos too.
        photos = Photo.objects.visible_to(viewer(self.request))
        published_photos = Photo.objects.published()
        return (
            super()
            .get_queryset()
            # related_gallery is prefetched below, not joined: a join would skip the
            # prefetch and with it the published() filter and the slide count.
            .select_related("mission__launch_site")
            .prefetch_related(
                Prefetch("hero_photo", queryset=by_key(photos)),
                Prefetch(
                    "bylines",
                    queryset=Byline.objects.select_related("person").prefetch_related(
                        Prefetch("person__portrait", queryset=by_key(published_photos))
                    ),
                ),
                Prefetch(
                    "blocks",
                    queryset=Block.objects.filter(
                        Q(photo__isnull=True) | showing_one_of(photos)
                    ).select_related("photo"),
                ),
                Prefetch(
                    "mission__crew_members",
                    queryset=CrewMember.objects.select_related("person"),
                ),
                Prefetch("related_gallery", queryset=gallery_cards(Gallery.objects.published())),
                "people",
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = trail = metadata.article_trail(self.object)
        context["structured_data"] = metadata.article_data(self.request, self.object, trail)
        return context
