"""Addresses worked out once per process are the ones Django would give, wherever served."""

import pytest
from django.template import Context, Template
from django.urls import reverse as django_reverse
from django.urls import set_script_prefix

from publishing.links import reverse


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("home", ()),
        ("articles:detail", ("soyuz-lifts-off",)),
        ("gallery:slide_detail", ("expedition-56", "docking")),
        ("missions:person_detail", ("sergey-prokopyev",)),
    ],
)
def test_an_address_is_the_one_django_gives(name, args):
    assert reverse(name, args) == reverse(name, list(args)) == django_reverse(name, args=args)


def test_an_address_follows_the_prefix_the_site_is_served_under():
    reverse("articles:index")
    set_script_prefix("/news/")
    try:
        assert reverse("articles:index") == "/news/articles/"
    finally:
        set_script_prefix("/")
    assert reverse("articles:index") == "/articles/"


def test_an_address_follows_a_new_url_configuration(settings):
    reverse("home")
    settings.ROOT_URLCONF = "tests.publishing.other_urls"

    assert reverse("home") == "/elsewhere/"


def test_the_link_tag_gives_the_address_the_url_tag_gives():
    source = "{{% load links %}}{{% {tag} 'gallery:slide_detail' 'expedition-56' 'docking' %}}"
    context = Context()

    linked = Template(source.format(tag="link")).render(context)

    assert linked == Template(source.format(tag="url")).render(context)
    assert linked == "/essays/expedition-56/docking/"
