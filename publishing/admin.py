"""What every publishable model's admin shares: status columns and publish actions."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html

from .models import Status


class PublishableAdmin(admin.ModelAdmin):
    actions = ["publish", "unpublish"]
    date_hierarchy = "publish_at"
    list_filter = ["status"]
    publication_fieldset = (
        "Publication",
        {
            "fields": ["status", "publish_at"],
            "description": "A published item with a publish time in the future goes "
            "live by itself at that time.",
        },
    )

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
