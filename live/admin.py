from django.contrib import admin
from django.utils.html import format_html

from publishing.admin import PublishableAdmin

from .models import Entry, LiveCoverage, State


class EntryInline(admin.StackedInline):
    model = Entry
    extra = 0
    autocomplete_fields = ["photo", "author"]
    fields = ["posted_at", "key_event", "text", "photo", "author"]


@admin.register(LiveCoverage)
class LiveCoverageAdmin(PublishableAdmin):
    list_display = ["title", "mission", "starts_at", "ends_at", "state_label", "status_label"]
    list_filter = ["status", "mission"]
    search_fields = ["title", "mission__name"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["mission", "article"]
    inlines = [EntryInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "mission", "article", "summary"]}),
        (
            "Coverage times",
            {
                "fields": ["starts_at", "ends_at"],
                "description": "Upcoming before the start, live until the end, then "
                "ended: the state follows these times by itself. Post entries on the "
                "coverage's own page (“View on site”).",
            },
        ),
        PublishableAdmin.publication_fieldset,
    ]

    @admin.display(description="state")
    def state_label(self, obj):
        return format_html(
            '<span class="status status-{}">{}</span>', obj.state, State(obj.state).label
        )

    def save_formset(self, request, form, formset, change):
        entries = formset.save(commit=False)
        for entry in entries:
            if entry.posted_by_id is None:
                entry.posted_by = request.user
            entry.save()
        for entry in formset.deleted_objects:
            entry.delete()
        formset.save_m2m()


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ["posted_at", "coverage", "key_event", "author"]
    list_filter = ["coverage"]
    list_select_related = ["coverage", "author"]
    search_fields = ["text", "key_event", "coverage__title"]
    date_hierarchy = "posted_at"
    autocomplete_fields = ["coverage", "photo", "author"]
    fields = ["coverage", "posted_at", "key_event", "text", "photo", "author"]

    def save_model(self, request, obj, form, change):
        if obj.posted_by_id is None:
            obj.posted_by = request.user
        super().save_model(request, obj, form, change)
