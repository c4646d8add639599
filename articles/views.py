from django.db.models import Prefetch, Q, prefetch_related_objects
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.generic import DetailView, ListView

from caching import fragments
from caching.fragments import FragmentsMixin
from gallery.models import Gallery, Photo
from gallery.views import by_key, gallery_cards, hide_unseen_photo, showing_one_of
from live.models import LiveCoverage
from missions.models import CrewMember, Mission, mission_cards
from publishing.models import is_published
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
        "missions": mission_cards(Mission.objects.all()[:2]),
        "live_coverage": LiveCoverage.objects.live_now(),
        "structured_data": metadata.home_data(request),
    }
    return render(request, "articles/home.html", context)


class ArticleListView(PublishedListMixin, ListPageMixin, ListView):
    model = Article
    list_name = "Articles"
    paginate_by = 12
    cards = staticmethod(article_cards)


class ArticleDetailView(FragmentsMixin, PublishedDetailMixin, DetailView):
    model = Article

    def get_queryset(self):
        # A staff member previewing a draft sees its draft photos too.
        user = viewer(self.request)
        blocks = Block.objects.select_related("photo")
        if not user.is_staff:
            blocks = blocks.filter(Q(photo__isnull=True) | is_published("photo__"))
        return (
            super()
            .get_queryset()
            # The photos joined here are left out in get_object() if they are hidden.
            .select_related("mission__launch_site", "hero_photo")
            .prefetch_related(
                Prefetch("bylines", queryset=Byline.objects.select_related("person__portrait")),
                Prefetch("blocks", queryset=blocks),
                "notes",
            )
        )

    def get_object(self, queryset=None):
        if queryset is not None:
            return self.read_article(queryset)
        # Kept for readers under the content version (caching.fragments), as read with
        # its blocks, bylines and photos: stale when anything it shows changes.
        return fragments.kept(
            self.request, "article", self.kwargs[self.slug_url_kwarg], make=self.read_article
        )

    def read_article(self, queryset=None):
        article = hide_unseen_photo(
            super().get_object(queryset), "hero_photo", viewer(self.request)
        )
        for byline in article.bylines.all():
            hide_unseen_photo(byline.person, "portrait")
        return article

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Kept under the content version too: a version expires by itself when live
        # coverage starts or ends (caching.versions), so the badge comes and goes on time.
        context["live_coverage"] = fragments.kept(
            self.request, "live-badges", self.object.pk, make=self.read_live_coverage
        )
        context["breadcrumbs"] = trail = metadata.article_trail(self.object)
        context["structured_data"] = metadata.article_data(self.request, self.object, trail)
        # Kept for readers under the content version (caching.fragments): stale when
        # the article, its authors, its mission and crew, the people it names or its
        # related essay (its cover, its slides) change.
        context["story_foot"] = fragments.kept(
            self.request, "story-foot", self.object.pk, make=self.render_story_foot
        )
        return context

    def read_live_coverage(self):
        return list(LiveCoverage.objects.live_now().filter(article=self.object))

    def render_story_foot(self):
        """The foot of the story: its authors, its mission, the people in it and the
        related photo essay, with the queries only it needs."""
        prefetch_related_objects(
            [self.object],
            Prefetch("mission__crew_members", queryset=CrewMember.objects.select_related("person")),
            # Prefetched, not joined: a join would skip the published() filter and
            # the card's slide count.
            Prefetch("related_gallery", queryset=gallery_cards(Gallery.objects.published())),
            "people",
        )
        return render_to_string("includes/story_foot.html", {"article": self.object})
