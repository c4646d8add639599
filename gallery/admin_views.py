"""Admin pages for many photos at once: upload them, then give them their words.

Bulk uploads arrive as drafts without alt text or a licence; the grid lets an editor
fill those in for all of them on one page instead of one photo at a time.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .forms import AddPhotosForm, PhotoGridFormSet
from .models import Gallery, Photo


def grid_url(photos, next_url=None):
    """The grid's address for these photos, and where to go once they are saved."""
    query = {"ids": ",".join(str(photo.pk) for photo in photos)}
    if next_url:
        query["next"] = next_url
    return f"{reverse('admin:gallery_photo_grid')}?{urlencode(query)}"


def selected_ids(request):
    ids = request.GET.get("ids", "")
    return [int(pk) for pk in ids.split(",") if pk.strip().isdigit()]


def safe_next(request, default):
    next_url = request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return default


def photo_grid_view(model_admin, request):
    """Alt text, caption, credit and licence of the chosen photos, one row each."""
    from .admin import thumbnail  # The admin module imports this one.

    if not model_admin.has_change_permission(request):
        raise PermissionDenied
    changelist_url = reverse("admin:gallery_photo_changelist")
    queryset = model_admin.get_queryset(request).filter(pk__in=selected_ids(request))
    formset = PhotoGridFormSet(request.POST or None, queryset=queryset.order_by("title", "pk"))
    if request.method == "POST" and formset.is_valid():
        # A contributor may edit only their own drafts, here as on each photo's page.
        if not all(model_admin.has_change_permission(request, f.instance) for f in formset):
            raise PermissionDenied
        with model_admin.create_revision(request):
            saved = formset.save()
            if saved:
                model_admin.record_revision(saved[0], "Edited alt text, captions and credits")
        model_admin.message_user(
            request, f"Saved the words of {len(saved)} photo(s).", messages.SUCCESS
        )
        return HttpResponseRedirect(safe_next(request, changelist_url))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Edit alt text, captions and credits",
        "opts": model_admin.opts,
        "formset": formset,
        "rows": [
            (
                form,
                form.instance,
                thumbnail(form.instance, width=120),
                model_admin.status_label(form.instance),
            )
            for form in formset
        ],
        "cancel_url": safe_next(request, changelist_url),
        "media": model_admin.media + formset.media,
    }
    return TemplateResponse(request, "admin/gallery/photo/grid.html", context)


def add_photos_view(model_admin, request):
    """Upload several photos into the library, or into a new draft essay, then the grid."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    changelist_url = reverse("admin:gallery_photo_changelist")
    form = AddPhotosForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with model_admin.create_revision(request):
            created, refusals = form.save()
            # Theirs to edit, as any photo they upload alone (PublishableAdmin.save_model).
            Photo.objects.filter(pk__in=[p.pk for p in created]).update(created_by=request.user)
            if form.gallery:
                Gallery.objects.filter(pk=form.gallery.pk).update(created_by=request.user)
            if created:
                model_admin.record_revision(
                    form.gallery or created[0], f"Added {len(created)} photo(s)"
                )
        if created:
            where = f"the new photo essay “{form.gallery}”" if form.gallery else "the library"
            model_admin.message_user(
                request,
                f"Added {len(created)} photo(s) to {where} as drafts. Give them alt text, "
                "a credit and a licence here, then publish them.",
                messages.SUCCESS,
            )
            for message in refusals:
                model_admin.message_user(request, f"Not added: {message}", messages.ERROR)
            next_url = (
                reverse("admin:gallery_gallery_change", args=[form.gallery.pk])
                if form.gallery
                else changelist_url
            )
            return HttpResponseRedirect(grid_url(created, next_url))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Add photos",
        "opts": model_admin.opts,
        "form": form,
        "change_url": changelist_url,
        "media": model_admin.media + form.media,
    }
    return TemplateResponse(request, "admin/gallery/photo/add_photos.html", context)
