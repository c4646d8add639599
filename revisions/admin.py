"""The admin's side of revisions: every save and action records a version; the
history page lists them, compares two and restores one."""

import reversion
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version

from . import registry  # noqa: F401 - the models are registered before the admin's
from .diff import compare
from .restore import restore, when

# What a version saved by an action says happened; other actions say their description.
ACTION_COMMENTS = {
    "publish": "Published",
    "unpublish": "Unpublished (back to draft)",
}


class RevisionAdmin(VersionAdmin):
    """Put first in a model admin's bases."""

    object_history_template = "revisions/object_history.html"
    # The admin's own change list: deleted items are not recovered from here.
    change_list_template = None
    history_latest_first = True

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def record_revision(self, obj, comment):
        """Within ``create_revision``: ``obj`` (and its inlines) in this version, and
        what happened to it."""
        reversion.set_comment(comment)
        reversion.add_to_revision(obj)

    def response_action(self, request, queryset):
        name = request.POST.get("action", "")
        action = self.get_actions(request).get(name)
        with self.create_revision(request):
            if action:
                reversion.set_comment(ACTION_COMMENTS.get(name, str(action[2])))
            return super().response_action(request, queryset)

    def versions(self, object_id):
        return Version.objects.get_for_object_reference(self.model, object_id).select_related(
            "revision__user"
        )

    def history_view(self, request, object_id, extra_context=None):
        name = f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}"
        versions = [
            (version, reverse(f"{name}_revision", args=[quote(version.object_id), version.pk]))
            for version in self.versions(unquote(object_id)).order_by("-pk")
        ]
        context = {
            "versions": versions,
            "compare_url": reverse(
                f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_compare",
                args=[quote(unquote(object_id))],
            ),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        """The changes between two versions, older first whichever way they are asked."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("No such item.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = self.versions(obj.pk)
        try:
            ids = sorted(int(request.GET[key]) for key in ("from", "to"))
        except (KeyError, ValueError):
            ids = []
        chosen = {version.pk: version for version in versions.filter(pk__in=ids)}
        if len(chosen) != 2:
            self.message_user(
                request, "Choose two different versions to compare.", messages.WARNING
            )
            return HttpResponseRedirect(self.history_url(obj))
        older, newer = chosen[ids[0]], chosen[ids[1]]
        return self.render_revision_page(
            request,
            obj,
            "revisions/compare.html",
            title=f"Changes to “{obj}”",
            older=older,
            newer=newer,
            comparison=compare(older, newer),
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """What restoring a version changes (GET), and the restore itself (POST)."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("No such item.")
        version = get_object_or_404(self.versions(obj.pk), pk=version_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        if request.method == "POST":
            try:
                restored = restore(version, request.user)
            except (RevertError, DatabaseError) as error:
                self.message_user(
                    request, f"The version could not be restored: {error}", messages.ERROR
                )
                return HttpResponseRedirect(self.history_url(obj))
            message = f"Restored version of {when(version)}"
            self.log_change(request, restored, message)
            self.message_user(request, f"“{restored}”: {message}.", messages.SUCCESS)
            return HttpResponseRedirect(
                reverse(
                    f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change",
                    args=[quote(restored.pk)],
                )
            )
        latest = self.versions(obj.pk).order_by("-pk").first()
        return self.render_revision_page(
            request,
            obj,
            "revisions/restore_confirm.html",
            title=f"Restore “{obj}” to {when(version)}?",
            version=version,
            older=latest,
            newer=version,
            comparison=compare(latest, version),
        )

    def history_url(self, obj):
        return reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_history",
            args=[quote(obj.pk)],
        )

    def render_revision_page(self, request, obj, template, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "history_url": self.history_url(obj),
            "has_change_permission": self.has_change_permission(request, obj),
            **context,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, template, context)
