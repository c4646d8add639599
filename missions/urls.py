from django.urls import path

from . import views

app_name = "missions"

urlpatterns = [
    path("missions/", views.MissionListView.as_view(), name="mission_list"),
    path("missions/<slug:slug>/", views.MissionDetailView.as_view(), name="mission_detail"),
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
]
