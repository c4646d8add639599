from adminsortable2.admin import SortableAdminBase, SortableInlineAdminMixin
from django.contrib import admin
from django.db import models

from publishing.desktime import DeskDateTimeWidget
from revisions.admin import RevisionAdmin

from .forms import LaunchSiteForm
from .models import CrewMember, LaunchSite, Mission, Person


@admin.register(Person)
class PersonAdmin(RevisionAdmin, admin.ModelAdmin):
    list_display = ["name", "kind", "agency", "job_title"]
    list_filter = ["kind", "agency"]
    search_fields = ["name", "other_names", "agency", "job_title"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["portrait"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "agency", "job_title", "portrait", "bio"]}),
        ("Other spellings", {"fields": ["other_names"], "classes": ["collapse"]}),
    ]


@admin.register(LaunchSite)
class LaunchSiteAdmin(admin.ModelAdmin):
    form = LaunchSiteForm
    list_display = ["name", "location", "timezone"]
    search_fields = ["name", "location"]
    prepopulated_fields = {"slug": ["name"]}


class CrewMemberInline(SortableInlineAdminMixin, admin.TabularInline):
    model = CrewMember
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "group", "role", "order"]


@admin.register(Mission)
class MissionAdmin(RevisionAdmin, SortableAdminBase, admin.ModelAdmin):
    list_display = ["name", "spacecraft", "launch_vehicle", "launch_at", "launch_site"]
    list_filter = ["launch_site"]
    search_fields = ["name", "spacecraft", "launch_vehicle", "destination"]
    date_hierarchy = "launch_at"
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["launch_site"]
    inlines = [CrewMemberInline]
    # Typed in the desk's time zone, with UTC under it.
    formfield_overrides = {models.DateTimeField: {"widget": DeskDateTimeWidget}}
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary"]}),
        (
            "Launch",
            {
                "fields": [
                    "spacecraft",
                    "launch_vehicle",
                    "launch_at",
                    "launch_site",
                    "destination",
                    "arrival",
                    "planned_duration",
                ]
            },
        ),
    ]
