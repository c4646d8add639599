"""A URL configuration that puts the front page elsewhere, for tests/publishing/test_links.py."""

from django.http import HttpResponse
from django.urls import path

urlpatterns = [path("elsewhere/", lambda request: HttpResponse(), name="home")]
