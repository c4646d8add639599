"""The people and missions that articles and photos point at."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models

from publishing.links import reverse
from publishing.models import SlugManager
from publishing.text import fold


def validate_timezone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            "“%(value)s” is not a time zone name. Use a name such as Asia/Almaty.",
            params={"value": value},
        )


class Person(models.Model):
    class Kind(models.TextChoices):
        ASTRONAUT = "astronaut", "Astronaut"
        COSMONAUT = "cosmonaut", "Cosmonaut"
        SPOKESPERSON = "spokesperson", "Spokesperson"
        JOURNALIST = "journalist", "Journalist"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    other_names = models.TextField(
        "other spellings",
        blank=True,
        help_text="One per line: other spellings of the name that readers may search "
        "for, e.g. “Sergei Prokopyev” for Sergey Prokopyev.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    agency = models.CharField(max_length=100, blank=True, help_text="e.g. NASA, Roscosmos, ESA.")
    job_title = models.CharField(
        max_length=200, blank=True, help_text="e.g. NASA spokesperson, Editor-in-Chief."
    )
    bio = models.TextField(blank=True, help_text="Plain text; a blank line starts a paragraph.")
    portrait = models.ForeignKey(
        "gallery.Photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="portrait_of",
    )
    # Kept in step with name and other_names so that search ignores accents and case
    # on every database, SQLite included.
    search_names = models.TextField(editable=False, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SlugManager()

    class Meta:
        # The id after the name: two people of one name keep their places in the list.
        ordering = ["name", "id"]
        indexes = [
            # The list of people, a page at a time: at 2,000 people PostgreSQL sorted
            # them all for each page.
            models.Index(fields=["name", "id"], name="person_list_order"),
        ]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_names = fold(" ".join([self.name, *self.other_name_list]))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("missions:person_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    @property
    def other_name_list(self):
        return [line.strip() for line in self.other_names.splitlines() if line.strip()]

    @property
    def role(self):
        """The line under the name: job title, or kind and agency."""
        if self.job_title:
            return self.job_title
        return " ".join(filter(None, [self.agency, self.get_kind_display()]))


class LaunchSite(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    location = models.CharField(max_length=200, blank=True, help_text="e.g. Kazakhstan.")
    timezone = models.CharField(
        max_length=64,
        validators=[validate_timezone],
        help_text="The IANA time zone of the site, used to show local launch times.",
    )

    objects = SlugManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Mission(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    spacecraft = models.CharField(max_length=200, blank=True)
    launch_vehicle = models.CharField(max_length=200, blank=True)
    launch_at = models.DateTimeField(
        "launch time",
        null=True,
        blank=True,
        help_text="In the desk's time zone, as every time in the admin; UTC shows under it.",
    )
    launch_site = models.ForeignKey(
        LaunchSite, null=True, blank=True, on_delete=models.PROTECT, related_name="missions"
    )
    destination = models.CharField(max_length=200, blank=True)
    arrival = models.CharField(
        max_length=200,
        blank=True,
        help_text="How and when it reached its destination, e.g. “Docked June 8, 2018 "
        "(Rassvet module)”.",
    )
    planned_duration = models.CharField(
        max_length=200, blank=True, help_text="e.g. About six months."
    )
    summary = models.TextField(blank=True, help_text="Plain text; a blank line starts a paragraph.")
    crew = models.ManyToManyField(Person, through="CrewMember", related_name="missions")
    updated_at = models.DateTimeField(auto_now=True)

    objects = SlugManager()

    class Meta:
        ordering = ["-launch_at", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("missions:mission_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    @property
    def launch_at_local(self):
        if self.launch_at is None or self.launch_site is None:
            return None
        return self.launch_at.astimezone(zoneinfo.ZoneInfo(self.launch_site.timezone))


class CrewMemberManager(models.Manager):
    def get_by_natural_key(self, mission_slug, person_slug):
        return self.get(mission__slug=mission_slug, person__slug=person_slug)


class CrewMember(models.Model):
    class Group(models.TextChoices):
        FLIGHT = "flight", "Flew on this mission"
        ABOARD = "aboard", "Already aboard the destination"

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="crew_members")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="crew_places")
    group = models.CharField(max_length=10, choices=Group.choices, default=Group.FLIGHT)
    role = models.CharField(
        max_length=200, blank=True, help_text="e.g. Soyuz commander, flight engineer."
    )
    order = models.PositiveIntegerField(default=0, db_index=True)

    objects = CrewMemberManager()

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "person"], name="unique_crew_member"),
        ]

    def __str__(self):
        return f"{self.person} on {self.mission}"

    def natural_key(self):
        return (self.mission.slug, self.person.slug)

    natural_key.dependencies = ["missions.mission", "missions.person"]


def mission_cards(missions):
    """Read ``missions`` (a queryset, sliced or not) with what ``{% mission_card %}``
    shows: each with its launch site and ``flight_crew_names``, the names of those
    who flew, in crew order. Returns them as a list.

    The names come in one query of bare values: read as crew members with their
    people, two objects a name, the crew took a third of the missions list's time.
    """
    missions = list(missions.select_related("launch_site"))
    names = {mission.pk: [] for mission in missions}
    crew = (
        CrewMember.objects.filter(mission__in=list(names), group=CrewMember.Group.FLIGHT)
        .order_by("order", "pk")
        .values_list("mission_id", "person__name")
    )
    for mission_id, name in crew:
        names[mission_id].append(name)
    for mission in missions:
        mission.flight_crew_names = names[mission.pk]
    return missions
