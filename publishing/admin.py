"""What every publishable model's admin shares: status columns and publish actions."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import format_html

from .desktime import DeskDateTimeWidget
from .models import Status
from .photocheck import ShowsPhotos, publish_check_form


class PublishableAdmin(admin.ModelAdmin):
    actions = ["publish", "unpublish"]
    date_hierarchy = "publish_at"
    list_filter = ["status"]
    # Typed in the desk's time zone, with UTC under it.
    formfield_overrides = {models.DateTimeField: {"widget": DeskDateTimeWidget}}
    publication_fieldset = (
        "Publication",
        {
            "fields": ["status", "publish_at"],
            "description": "A published item with a publish time in the future goes "
            "live by itself at that time.",
        },
    )

    def shows_photos(self):
        return issubclass(self.model, ShowsPhotos)

    def get_form(self, request, obj=None, **kwargs):
        if self.shows_photos():
            kwargs.setdefault("form", publish_check_form(self.form))
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.shows_photos():
            return fieldsets
        # The "Publish anyway" checkbox, hidden until a warning shows it.
        return [
            (name, {**options, "fields": [*options["fields"], "publish_anyway"]})
            if name == self.publication_fieldset[0]
            else (name, options)
            for name, options in fieldsets
        ]

    def publish_warnings(self, obj):
        """Why readers would miss some of ``obj``'s photos once it is live, if they would."""
        return obj.publish_warnings() if isinstance(obj, ShowsPhotos) else []

    @admin.display(description="status", ordering="status")
    def status_label(self, obj):
        if obj.is_scheduled:
            label, css = (
                f"Scheduled for {timezone.localtime(obj.publish_at):%b %-d, %Y %H:%M}",
                "scheduled",
            )
        elif obj.is_live:
            label, css = "Published", "published"
        else:
            label, css = "Draft", "draft"
        return format_html('<span class="status status-{}">{}</span>', css, label)

    @admin.action(description="Publish selected items", permissions=["change"])
    def publish(self, request, queryset):
        published, refused = 0, []
        for obj in queryset:
            obj.status = Status.PUBLISHED
            try:
                obj.full_clean()
            except ValidationError as error:
                refused.append((obj, error))
                continue
            # Not "publish the photos too": each photo needs its own alt text, credit
            # and a look before it goes live, which the photo's own form asks for.
            if warnings := self.publish_warnings(obj):
                message = "Publish its photos first, or publish it from its own page."
                refused.append((obj, ValidationError({"status": [*warnings, message]})))
                continue
            obj.save()
            published += 1
        if published:
            self.message_user(request, f"Published {published} item(s).", messages.SUCCESS)
        for obj, error in refused:
            reasons = " ".join(m for msgs in error.message_dict.values() for m in msgs)
            self.message_user(request, f"“{obj}” was not published: {reasons}", messages.ERROR)

    @admin.action(description="Unpublish selected items (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        count = 0
        for obj in queryset:
            obj.status = Status.DRAFT
            obj.save()
            count += 1
        self.message_user(request, f"{count} item(s) are drafts again.", messages.SUCCESS)
