"""What every publishable model's admin shares: status columns, publish actions and
the review of contributors' drafts.

Two roles meet here (publishing/editors.py). Editors hold the ``publish_<model>``
permission: they publish, schedule, unpublish and send drafts back. Contributors do
not: they edit only the drafts they created, and submit them for review; the status
and publish time are read-only to them, and a request that sets either is refused.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import format_html

from .desktime import DeskDateTimeWidget
from .models import Status
from .photocheck import ShowsPhotos, publish_check_form


def person_name(user):
    return (user.get_full_name() or user.get_username()) if user else "someone"


def local_time(moment):
    return f"{timezone.localtime(moment):%b %-d, %Y %H:%M}"


class InReviewFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("yes", "In review")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(review_requested_at__isnull=False)
        return queryset


class PublishableAdmin(admin.ModelAdmin):
    actions = ["publish", "unpublish", "submit_for_review", "withdraw_review", "send_back"]
    date_hierarchy = "publish_at"
    list_filter = ["status"]
    # Typed in the desk's time zone, with UTC under it.
    formfield_overrides = {models.DateTimeField: {"widget": DeskDateTimeWidget}}
    publication_fieldset = (
        "Publication",
        {
            "fields": ["status", "publish_at", "review_status"],
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

    def get_queryset(self, request):
        # The status column names who asked for a review.
        return super().get_queryset(request).select_related("review_requested_by")

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), InReviewFilter]

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "review_status"]
        if not self.has_publish_permission(request):
            fields += ["status", "publish_at"]
        return fields

    def has_publish_permission(self, request):
        """Whether the user may publish, schedule and unpublish this model's items."""
        codename = get_permission_codename("publish", self.opts)
        return request.user.has_perm(f"{self.opts.app_label}.{codename}")

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or self.has_publish_permission(request):
            return True
        # Without the right to publish: one's own drafts only; the rest read-only.
        return obj.created_by_id == request.user.pk and obj.status == Status.DRAFT

    def has_submit_permission(self, request):
        """Whether the review actions are offered: to those who write but may not publish."""
        return self.has_change_permission(request) and not self.has_publish_permission(request)

    def may_submit(self, request, obj):
        return (
            not self.has_publish_permission(request)
            and obj.status == Status.DRAFT
            and (obj.pk is None or self.has_change_permission(request, obj))
        )

    def may_withdraw(self, request, obj):
        return (
            obj.in_review
            and obj.review_requested_by_id == request.user.pk
            and self.has_change_permission(request, obj)
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and not self.has_publish_permission(request):
            # The form has no status field for them: only a forged request sets one.
            if request.POST.get("status", Status.DRAFT) != Status.DRAFT:
                raise PermissionDenied("Only editors may publish or schedule.")
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is None or obj.pk is None:
            context["show_submit_review"] = not self.has_publish_permission(request)
        else:
            context["show_submit_review"] = self.may_submit(request, obj) and not obj.in_review
            context["show_withdraw_review"] = self.may_withdraw(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if obj.created_by_id is None:
            obj.created_by = request.user
        if "_submit_review" in request.POST and self.may_submit(request, obj):
            obj.request_review(request.user)
        elif "_withdraw_review" in request.POST and self.may_withdraw(request, obj):
            obj.clear_review_request()
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        if "_submit_review" in request.POST and obj.in_review:
            return self.reviewed_response(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_submit_review" in request.POST and obj.in_review:
            return self.reviewed_response(request, obj)
        if "_withdraw_review" in request.POST and not obj.in_review:
            self.message_user(
                request,
                f"“{obj}” was saved and is no longer in review: it is your draft again.",
                messages.SUCCESS,
            )
            return self.response_post_save_change(request, obj)
        return super().response_change(request, obj)

    def reviewed_response(self, request, obj):
        self.message_user(
            request,
            f"“{obj}” was saved and submitted for review: an editor will publish it or "
            "send it back to you.",
            messages.SUCCESS,
        )
        return self.response_post_save_change(request, obj)

    @admin.display(description="status", ordering="status")
    def status_label(self, obj):
        if obj.is_scheduled:
            label, css = f"Scheduled for {local_time(obj.publish_at)}", "scheduled"
        elif obj.is_live:
            label, css = "Published", "published"
        elif obj.in_review:
            label, css = self.review_label(obj, "In review - asked by"), "review"
        else:
            label, css = "Draft", "draft"
        return format_html('<span class="status status-{}">{}</span>', css, label)

    @admin.display(description="review")
    def review_status(self, obj):
        if obj is None or not obj.in_review:
            return "Not asked for"
        return self.review_label(obj, "Asked by")

    def review_label(self, obj, prefix):
        name = person_name(obj.review_requested_by)
        return f"{prefix} {name}, {local_time(obj.review_requested_at)}"

    @admin.action(description="Publish selected items", permissions=["publish"])
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

    @admin.action(description="Unpublish selected items (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = 0
        for obj in queryset:
            obj.status = Status.DRAFT
            obj.save()
            count += 1
        self.message_user(request, f"{count} item(s) are drafts again.", messages.SUCCESS)

    @admin.action(description="Submit selected drafts for review", permissions=["submit"])
    def submit_for_review(self, request, queryset):
        submitted = 0
        for obj in queryset:
            if obj.in_review:
                continue
            if not self.may_submit(request, obj):
                self.message_user(
                    request,
                    f"“{obj}” was not submitted: only your own drafts can be submitted.",
                    messages.ERROR,
                )
                continue
            obj.request_review(request.user)
            obj.save(update_fields=["review_requested_by", "review_requested_at"])
            submitted += 1
        if submitted:
            self.message_user(
                request, f"Submitted {submitted} draft(s) for review.", messages.SUCCESS
            )

    @admin.action(description="Withdraw my review request", permissions=["submit"])
    def withdraw_review(self, request, queryset):
        withdrawn = [obj for obj in queryset if self.may_withdraw(request, obj)]
        for obj in withdrawn:
            obj.clear_review_request()
            obj.save(update_fields=["review_requested_by", "review_requested_at"])
        self.message_user(
            request,
            f"Withdrew {len(withdrawn)} review request(s); the drafts are yours to edit.",
            messages.SUCCESS,
        )

    @admin.action(description="Send back to contributor", permissions=["publish"])
    def send_back(self, request, queryset):
        sent = [obj for obj in queryset if obj.in_review]
        for obj in sent:
            obj.clear_review_request()
            obj.save(update_fields=["review_requested_by", "review_requested_at"])
        self.message_user(
            request,
            f"Sent {len(sent)} item(s) back to their contributors, as drafts to work on.",
            messages.SUCCESS,
        )
