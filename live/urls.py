from django.urls import path

from . import views

app_name = "live"

urlpatterns = [
    path("live/<slug:slug>/", views.LiveCoverageDetailView.as_view(), name="detail"),
    path("live/<slug:slug>/updates/", views.updates, name="updates"),
]
