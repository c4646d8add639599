"""Times in the newsroom's zone (``DESK_TIME_ZONE``), with UTC beside them.

Editors type and read times in the admin in the desk's zone; the database keeps UTC
and reader pages are untouched. Each time input shows "= 15:12 UTC" under it, made
here and kept current as the editor types by static/admin-desk/editing.js.
"""

import zoneinfo
from datetime import UTC

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminSplitDateTime
from django.utils import timezone

from .middleware import ADMIN_PREFIX


def desk_zone():
    return zoneinfo.ZoneInfo(settings.DESK_TIME_ZONE)


def desk_time(value):
    """``value`` in the desk's zone: "Jun 6, 2018 11:12 EDT"."""
    local = value.astimezone(desk_zone())
    return f"{local:%b %-d, %Y %H:%M} {local.tzname()}"


def utc_time(value):
    """``value`` in UTC: "Jun 6, 2018 15:12 UTC"."""
    return f"{value.astimezone(UTC):%b %-d, %Y %H:%M} UTC"


class DeskTimeZoneMiddleware:
    """The admin's forms and lists in the desk's zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(ADMIN_PREFIX):
            return self.get_response(request)
        with timezone.override(desk_zone()):
            return self.get_response(request)


class DeskDateTimeWidget(AdminSplitDateTime):
    """The admin's date and time inputs, with the zone named and UTC under them."""

    template_name = "publishing/widgets/desk_split_datetime.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        zone = desk_zone()
        context["desk_zone"] = settings.DESK_TIME_ZONE
        context["utc_line"] = ""
        moment = value if hasattr(value, "astimezone") else None
        if moment is not None:
            if timezone.is_naive(moment):
                moment = moment.replace(tzinfo=zone)
            context["utc_line"] = f"= {moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
        return context


class TimeZoneField(forms.ChoiceField):
    """An IANA time zone name, chosen from the sorted list the system knows."""

    def __init__(self, **kwargs):
        zones = sorted(zoneinfo.available_timezones())
        kwargs.setdefault("choices", [("", "---------"), *((zone, zone) for zone in zones)])
        super().__init__(**kwargs)
