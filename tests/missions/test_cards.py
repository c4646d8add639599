"""The mission card the missions list and the front page show, written by
``{% mission_card %}``, and the person card of the list of people, written by
``{% person_card %}``: the same HTML, to the character, that their templates gave."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db.models.signals import post_init
from django.template import Context, Template

from gallery.templatetags.photos import picture
from missions.models import CrewMember, Mission, Person, mission_cards
from missions.views import with_portraits
from tests.factories import (
    CrewMemberFactory,
    LaunchSiteFactory,
    MissionFactory,
    PersonFactory,
    PhotoFactory,
)

pytestmark = pytest.mark.django_db


def card(mission, level=""):
    [mission] = mission_cards(Mission.objects.filter(pk=mission.pk))
    template = Template("{% load missions %}{% mission_card mission " + level + " %}")
    return template.render(Context({"mission": mission}))


def test_a_mission_card_shows_the_launch_site_destination_and_crew_who_flew():
    mission = MissionFactory(
        name="Soyuz <MS-09>",
        slug="soyuz-ms-09",
        launch_site=LaunchSiteFactory(name="Baikonur & Co"),
        destination="International Space Station",
    )
    CrewMemberFactory(mission=mission, person=PersonFactory(name="Sergey Prokopyev"), order=1)
    CrewMemberFactory(mission=mission, person=PersonFactory(name="O'Neill"), order=2)
    CrewMemberFactory(mission=mission, person=PersonFactory(name="Aboard"), group="aboard")

    assert card(mission) == (
        '<article class="card card-plain">\n'
        '  <div class="card-body">\n'
        '    <p class="kicker">Mission</p>\n'
        '    <h2 class="card-title"><a href="/missions/soyuz-ms-09/">Soyuz &lt;MS-09&gt;</a></h2>\n'
        '    <dl class="card-facts">\n'
        '      <div><dt>Launch</dt><dd><time datetime="2018-06-06T11:12:00+00:00">'
        "June 6, 2018, 11:12 UTC</time></dd></div>\n"
        "      <div><dt>Launch site</dt><dd>Baikonur &amp; Co</dd></div>\n"
        "      <div><dt>Destination</dt><dd>International Space Station</dd></div>\n"
        "      \n"
        "      <div><dt>Crew</dt><dd>Sergey Prokopyev, O&#x27;Neill</dd></div>\n"
        "      \n"
        "    </dl>\n"
        "  </div>\n"
        "</article>\n"
    )


def test_a_mission_card_without_launch_site_or_crew_leaves_their_lines_blank():
    mission = MissionFactory(
        slug="soyuz-ms-10", name="Soyuz MS-10", launch_at=None, launch_site=None, destination=""
    )

    assert card(mission, "level=3") == (
        '<article class="card card-plain">\n'
        '  <div class="card-body">\n'
        '    <p class="kicker">Mission</p>\n'
        '    <h3 class="card-title"><a href="/missions/soyuz-ms-10/">Soyuz MS-10</a></h3>\n'
        '    <dl class="card-facts">\n'
        "      \n"
        "      \n"
        "      \n"
        "      \n"
        "    </dl>\n"
        "  </div>\n"
        "</article>\n"
    )


@pytest.mark.parametrize(
    "launch_at",
    [
        datetime(2018, 6, 6, 11, 12, tzinfo=UTC),
        datetime(2019, 12, 25, 0, 5, 9, 250_000, tzinfo=UTC),
        # An aware time of another zone: the card gives it in UTC, the next day here.
        datetime(2020, 1, 31, 23, 30, tzinfo=ZoneInfo("America/New_York")),
    ],
)
def test_a_mission_card_writes_the_launch_as_the_date_filter_does(launch_at):
    mission = MissionFactory(launch_at=launch_at)
    expected = Template(
        '{% load tz %}<time datetime="{{ at|utc|date:"c" }}">{{ at|utc|date:"F j, Y, H:i" }} UTC'
    ).render(Context({"at": launch_at}))

    assert expected in card(mission)


def test_reading_a_mission_runs_no_listener_of_another_app():
    # imagekit's listener ran on every row of every model (gallery/apps.py).
    assert not post_init.has_listeners(Mission)
    assert not post_init.has_listeners(CrewMember)


def person_card(person):
    person = with_portraits(Person.objects.all()).get(pk=person.pk)
    template = Template("{% load missions %}{% person_card person %}")
    return template.render(Context({"person": person}))


def test_a_person_card_without_portrait_shows_their_initial_name_and_role_escaped():
    person = PersonFactory(
        name="<Zed> O'Neill", slug="zed", job_title="", agency="ESA & co", kind="astronaut"
    )

    assert person_card(person) == (
        '<li class="person-card">\n'
        '      <span class="portrait portrait-empty" aria-hidden="true">&lt;</span>\n'
        "      <div>\n"
        '        <h2 class="person-card-name"><a href="/people/zed/">'
        "&lt;Zed&gt; O&#x27;Neill</a></h2>\n"
        '        <p class="meta">ESA &amp; co Astronaut</p>\n'
        "      </div>\n"
        "    </li>"
    )


def test_a_person_card_shows_the_portrait_and_the_job_title():
    portrait = PhotoFactory()
    person = PersonFactory(portrait=portrait, job_title="NASA spokesperson")

    html = person_card(person)

    assert html.startswith(
        '<li class="person-card">\n'
        f"      {picture(portrait, 'thumbnail', sizes='4rem', css_class='portrait')}\n"
        "      <div>\n"
    )
    assert '<p class="meta">NASA spokesperson</p>' in html
