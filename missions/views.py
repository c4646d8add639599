from django.core.paginator import InvalidPage
from django.db.models import OuterRef, Prefetch
from django.http import Http404
from django.views.generic import DetailView, ListView

from articles.models import Article, Byline
from articles.views import article_cards
from gallery.models import Gallery, Photo
from gallery.views import by_key, gallery_cards, hide_unseen_photo
from live.models import LiveCoverage
from publishing.metadata import trail_data
from publishing.models import RowCount, shown_count
from publishing.views import ListPageMixin, ListPaginator

from . import metadata
from .models import CrewMember, Mission, Person, mission_cards

# How much of each list of work a mission's or a person's page shows at a time.
ARTICLES_PER_PAGE = 12
ESSAYS_PER_PAGE = 12
MENTIONS_PER_PAGE = 24
PHOTOS_PER_PAGE = 24
# Unique orders, so that no item shows on two pages or on none.
STORY_ORDER = ("-publish_at", "-pk")
PHOTO_ORDER = ("-publish_at", "title", "pk")


class CountedPaginator(ListPaginator):
    """A paginator told how many items its list holds, counted by the page's own query."""

    def __init__(self, object_list, per_page, count, read=None):
        super().__init__(object_list, per_page, read=read)
        self.count = count


def paginate_together(request, lists):
    """Page ``?page=`` of each of ``lists`` ({name: (queryset, per page, count, read)},
    ``read`` as for ``ListPaginator``).

    The lists turn over together, so one set of page links serves them all: there
    are as many pages as the longest list needs, a shorter list shows nothing on the
    pages past its end, and a page past the last is a 404, as on the list pages.
    Returns the longest list's page (for the links) and each list's items.
    """
    paginators = {name: CountedPaginator(*arguments) for name, arguments in lists.items()}
    longest = max(paginators.values(), key=lambda paginator: paginator.num_pages)
    try:
        page_obj = longest.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from error
    shown = {}
    for name, paginator in paginators.items():
        if paginator is longest:
            # The same page object: the links ask it for its length, a second one
            # would query the list again.
            shown[name] = page_obj.object_list
        elif page_obj.number <= paginator.num_pages:
            shown[name] = paginator.page(page_obj.number).object_list
        else:
            shown[name] = []
    return page_obj, shown


class MissionListView(ListPageMixin, ListView):
    model = Mission
    list_name = "Missions"
    paginate_by = 20
    # Named here: the page's items are a list, which Django cannot name after its model.
    context_object_name = "mission_list"

    def paginate_queryset(self, queryset, page_size):
        # The page's missions, read with what their cards show.
        paginator, page, missions, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = mission_cards(missions)
        return paginator, page, page.object_list, is_paginated


class MissionDetailView(DetailView):
    model = Mission

    def get_queryset(self):
        # The lists' lengths come with the mission, each counted on its index.
        mission = OuterRef("pk")
        return (
            Mission.objects.select_related("launch_site")
            .prefetch_related(
                Prefetch(
                    "crew_members",
                    queryset=CrewMember.objects.select_related("person").prefetch_related(
                        Prefetch("person__portrait", queryset=by_key(Photo.objects.published()))
                    ),
                )
            )
            .annotate(
                article_count=RowCount(Article.objects.published().filter(mission=mission)),
                essay_count=RowCount(Gallery.objects.published().filter(mission=mission)),
                photo_count=RowCount(Photo.objects.published().filter(mission=mission)),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mission = self.object
        context["page_obj"], shown = paginate_together(
            self.request,
            {
                "articles": (
                    Article.objects.published().filter(mission=mission).order_by(*STORY_ORDER),
                    ARTICLES_PER_PAGE,
                    mission.article_count,
                    article_cards,
                ),
                "galleries": (
                    Gallery.objects.published().filter(mission=mission).order_by(*STORY_ORDER),
                    ESSAYS_PER_PAGE,
                    mission.essay_count,
                    gallery_cards,
                ),
                "photos": (
                    Photo.objects.published().filter(mission=mission).order_by(*PHOTO_ORDER),
                    PHOTOS_PER_PAGE,
                    mission.photo_count,
                ),
            },
        )
        context.update(shown)
        context["live_coverage"] = LiveCoverage.objects.published().filter(mission=mission)
        context["breadcrumbs"] = trail = metadata.mission_trail(mission)
        context["structured_data"] = trail_data(self.request, trail)
        return context


def with_portraits(people):
    """``people`` with their portraits, read by a join; ``hide_unseen_portraits()``
    then forgets those readers may not see. A query of their own cost more than the
    rest of a page of people did."""
    return people.select_related("portrait")


def hide_unseen_portraits(people):
    for person in people:
        hide_unseen_photo(person, "portrait")
    return people


class PersonListView(ListPageMixin, ListView):
    model = Person
    list_name = "People"
    paginate_by = 24
    # A page's people found on the list's index, then read with their portraits:
    # PostgreSQL read every row of the pages before it.
    paginator_class = ListPaginator

    def get_paginator(self, queryset, per_page, **kwargs):
        return super().get_paginator(queryset, per_page, read=with_portraits, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        hide_unseen_portraits(context["object_list"])
        return context


class PersonDetailView(DetailView):
    model = Person

    def get_queryset(self):
        return with_portraits(Person.objects.all())

    def get_object(self, queryset=None):
        return hide_unseen_photo(super().get_object(queryset), "portrait")

    def counts(self, person):
        """How many of each of the page's lists are published, in one query.

        Counted for this person by id, not for each person the query finds: with the
        id unknown, PostgreSQL planned for a few photos of them and probed the
        photo table once per photo of the busiest.
        """
        return (
            Person.objects.filter(pk=person.pk)
            .values(
                article_count=shown_count(Byline.objects.filter(person=person), "article"),
                mention_count=shown_count(
                    Article.people.through.objects.filter(person=person), "article"
                ),
                photo_count=shown_count(
                    Photo.people.through.objects.filter(person=person), "photo"
                ),
            )
            .get()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        context["crew_places"] = person.crew_places.select_related("mission__launch_site").order_by(
            "-mission__launch_at"
        )
        context["counts"] = counts = self.counts(person)
        context["page_obj"], shown = paginate_together(
            self.request,
            {
                "articles": (
                    Article.objects.published().filter(authors=person).order_by(*STORY_ORDER),
                    ARTICLES_PER_PAGE,
                    counts["article_count"],
                    article_cards,
                ),
                "mentioned_in": (
                    Article.objects.published().filter(people=person).order_by(*STORY_ORDER),
                    MENTIONS_PER_PAGE,
                    counts["mention_count"],
                ),
                "photos": (
                    Photo.objects.published().filter(people=person).order_by(*PHOTO_ORDER),
                    PHOTOS_PER_PAGE,
                    counts["photo_count"],
                ),
            },
        )
        context.update(shown)
        context["breadcrumbs"] = trail = metadata.person_trail(person)
        context["structured_data"] = metadata.person_data(self.request, person, trail)
        return context
