from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from articles.models import Article
from articles.views import article_cards
from gallery.models import Gallery, Photo
from gallery.views import gallery_cards

from .models import CrewMember, Mission, Person


class MissionListView(ListView):
    model = Mission
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
        return context


class PersonListView(ListView):
    model = Person
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
        return context
