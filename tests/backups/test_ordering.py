"""dumpdata with natural keys writes every record after the records its key names,
whatever order the apps are named in, so loaddata can read it from the top."""

import itertools
import json
from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import BlockFactory, BylineFactory, CrewMemberFactory, SlideFactory

pytestmark = pytest.mark.django_db

# Each record's natural key names its parents: they must come first.
PARENTS = {
    "articles.block": ["articles.article"],
    "articles.byline": ["articles.article", "missions.person"],
    "gallery.slide": ["gallery.gallery", "gallery.photo"],
    "missions.crewmember": ["missions.mission", "missions.person"],
}


@pytest.fixture
def content(quick_photo):
    BlockFactory()
    BylineFactory()
    SlideFactory(photo=quick_photo())
    CrewMemberFactory()


def first_places(*labels):
    out = StringIO()
    call_command("dumpdata", "--natural-foreign", "--natural-primary", *labels, stdout=out)
    places = {}
    for place, record in enumerate(json.loads(out.getvalue())):
        places.setdefault(record["model"], place)
    return places


@pytest.mark.parametrize("apps", list(itertools.permutations(["missions", "gallery", "articles"])))
def test_parents_come_first_whatever_the_order_of_the_apps(content, apps):
    places = first_places(*apps)

    late = [
        (child, parent)
        for child, parents in PARENTS.items()
        for parent in parents
        if places[parent] > places[child]
    ]
    assert late == []


def test_parents_come_first_in_a_dump_of_everything(content):
    places = first_places()

    late = [
        (child, parent)
        for child, parents in PARENTS.items()
        for parent in parents
        if places[parent] > places[child]
    ]
    assert late == []
