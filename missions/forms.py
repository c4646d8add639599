"""Admin forms of missions and launch sites."""

from django import forms

from publishing.desktime import TimeZoneField

from .models import LaunchSite


class LaunchSiteForm(forms.ModelForm):
    """A launch site's time zone chosen from the IANA list, not typed."""

    timezone = TimeZoneField(
        help_text="The IANA time zone of the site, used to show local launch times."
    )

    class Meta:
        model = LaunchSite
        fields = ["name", "slug", "location", "timezone"]
