from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from articles.models import Article
from articles.views import article_cards
from gallery.models import Gallery, Photo
from gallery.views import gallery_cards
from publishing.metadata import trail_data
from publishing.views import ListPageMixin

from . import metadata
from .models import CrewMember, Mission, Person


class MissionListView(ListPageMixin, ListView):
    model = Mission
    list_name = "Missions"
    paginate_by = 20

    def get_queryset(self):
        return Mission.objects.select_related("launch_site").prefetch_related(
            Prefetch("crew_members", queryset=CrewMember.objects.select_related("person"))
        )


class MissionDetailView(DetailView):
    model = Mission

    def get_queryset(self):
        return Mission.objects.select_related("launch_site").prefetch_related(
            Prefetch(
                "crew_members",
                queryset=CrewMember.objects.select_related("person").prefetch_related(
                    Prefetch("person__portrait", queryset=Photo.objects.published())
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mission = self.object
        context["articles"] = article_cards(Article.objects.published().filter(mission=mission))
        context["galleries"] = gallery_cards(Gallery.objects.published().filter(mission=mission))
        context["photos"] = Photo.objects.published().filter(mission=mission)[:24]
        context["breadcrumbs"] = trail = metadata.mission_trail(mission)
        context["structured_data"] = trail_data(self.request, trail)
        return context


class PersonListView(ListPageMixin, ListView):
    model = Person
    list_name = "People"
    paginate_by = 24

    def get_queryset(self):
        return Person.objects.prefetch_related(
            Prefetch("portrait", queryset=Photo.objects.published())
        )


class PersonDetailView(DetailView):
    model = Person

    def get_queryset(self):
        return Person.objects.prefetch_related(
            Prefetch("portrait", queryset=Photo.objects.published())
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        context["articles"] = article_cards(Article.objects.published().filter(authors=person))
        context["crew_places"] = person.crew_places.select_related("mission__launch_site").order_by(
            "-mission__launch_at"
        )
        context["photos"] = Photo.objects.published().filter(people=person)[:24]
        context["mentioned_in"] = Article.objects.published().filter(people=person)
        context["breadcrumbs"] = trail = metadata.person_trail(person)
        context["structured_data"] = metadata.person_data(self.request, person, trail)
        return context
