"""People and missions: names readers search for, and launch times in local time."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from missions.models import LaunchSite, Person
from tests.factories import LaunchSiteFactory, MissionFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_search_names_fold_accents_and_case():
    person = PersonFactory(name="Serena Auñón-Chancellor")

    assert person.search_names == "serena aunon-chancellor"


def test_search_names_include_other_spellings():
    person = PersonFactory(name="Sergey Prokopyev", other_names="Sergei Prokopyev\n\n")

    assert person.search_names == "sergey prokopyev sergei prokopyev"
    assert person.other_name_list == ["Sergei Prokopyev"]


def test_search_names_follow_a_renamed_person():
    person = PersonFactory(name="Drew Feustel")
    person.name = "Andrew Feustel"
    person.save()

    assert Person.objects.get(pk=person.pk).search_names == "andrew feustel"


def test_role_is_the_job_title_when_there_is_one():
    person = PersonFactory(job_title="NASA spokesperson", agency="NASA")

    assert person.role == "NASA spokesperson"


def test_role_is_agency_and_kind_without_a_job_title():
    person = PersonFactory(kind=Person.Kind.COSMONAUT, agency="Roscosmos", job_title="")

    assert person.role == "Roscosmos Cosmonaut"


def test_launch_time_is_shown_in_the_launch_site_time_zone():
    mission = MissionFactory(
        launch_at=datetime.datetime(2018, 6, 6, 11, 12, tzinfo=datetime.UTC),
        launch_site=LaunchSiteFactory(timezone="America/New_York"),
    )

    local = mission.launch_at_local
    assert (local.hour, local.minute) == (7, 12)
    assert local.utcoffset() == datetime.timedelta(hours=-4)


def test_mission_without_a_site_has_no_local_launch_time():
    assert MissionFactory(launch_site=None).launch_at_local is None


def test_mission_without_a_launch_time_has_no_local_launch_time():
    assert MissionFactory(launch_at=None).launch_at_local is None


def test_launch_site_refuses_a_time_zone_that_does_not_exist():
    site = LaunchSite(name="Somewhere", slug="somewhere", timezone="Kazakhstan/Baikonur")

    with pytest.raises(ValidationError) as error:
        site.full_clean()

    assert "is not a time zone name" in error.value.message_dict["timezone"][0]


def test_natural_keys_are_slugs():
    person = PersonFactory(slug="alexander-gerst")

    assert Person.objects.get_by_natural_key("alexander-gerst") == person
    assert person.natural_key() == ("alexander-gerst",)
