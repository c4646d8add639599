import posixpath

from adminsortable2.admin import (
    SortableAdminBase,
    SortableInlineAdminMixin,
    SortableTabularInline,
)
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from publishing.admin import PublishableAdmin
from revisions.admin import RevisionAdmin

from . import admin_views
from .forms import AddPhotosForm, PhotoAdminForm
from .models import Gallery, Photo, Slide
from .renditions import RenditionState
from .widgets import PhotoAutocompleteJsonView, PhotoPickerMixin


def thumbnail(photo, width=120, purpose="thumbnail", alt=""):
    """The photo's recorded rendition: no hashing, no storage call. ``alt``: its text
    where the image is all a link holds."""
    if not photo or not photo.pk or not photo.image or not photo.image._committed:
        return "—"
    rendition = photo.rendition(purpose)
    if rendition is None:
        # The renditions column says why: being made, or failed.
        return "—"
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" class="admin-thumbnail" loading="lazy">',
        rendition.url,
        width,
        round(rendition.height * width / rendition.width),
        alt,
    )


def rendition_status(photo):
    """Pending, ready, or failed with the reason: what the editor needs to act on."""
    css = {
        RenditionState.PENDING: "scheduled",
        RenditionState.READY: "published",
        RenditionState.FAILED: "failed",
    }[photo.rendition_state]
    label = photo.get_rendition_state_display()
    if photo.rendition_state == RenditionState.FAILED and photo.rendition_error:
        return format_html(
            '<span class="status status-{}">{}</span> {}', css, label, photo.rendition_error
        )
    return format_html('<span class="status status-{}">{}</span>', css, label)


@admin.register(Photo)
class PhotoAdmin(RevisionAdmin, PublishableAdmin):
    form = PhotoAdminForm
    list_display = [
        "thumbnail_column",
        "title",
        "credit",
        "status_label",
        "renditions_column",
        "publish_at",
    ]
    list_display_links = ["thumbnail_column", "title"]
    list_filter = ["status", "rendition_state", "mission", "people", "credit"]
    actions = [*PublishableAdmin.actions, "edit_words", "make_renditions_again"]
    search_fields = [
        "title",
        "caption",
        "alt_text",
        "credit",
        "people__name",
        "people__other_names",
    ]
    change_list_template = "admin/gallery/photo/change_list.html"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["mission", "people"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["preview", "renditions_column", "width", "height"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "image",
                    "kept_image",
                    "preview",
                    "renditions_column",
                    "title",
                    "slug",
                    "alt_text",
                    "caption",
                    "credit",
                    "licence",
                    "source_url",
                ]
            },
        ),
        ("About the photo", {"fields": ["taken_on", "mission", "people", ("width", "height")]}),
        PublishableAdmin.publication_fieldset,
    ]

    def get_urls(self):
        return [
            path(
                "originals/<path:name>",
                self.admin_site.admin_view(self.original_view),
                name="gallery_photo_original",
            ),
            path(
                "autocomplete/",
                self.admin_site.admin_view(
                    PhotoAutocompleteJsonView.as_view(admin_site=self.admin_site)
                ),
                name="gallery_photo_autocomplete",
            ),
            path(
                "add-photos/",
                self.admin_site.admin_view(self.add_photos_view),
                name="gallery_photo_add_photos",
            ),
            path(
                "edit-words/",
                self.admin_site.admin_view(self.grid_view),
                name="gallery_photo_grid",
            ),
            *super().get_urls(),
        ]

    def original_view(self, request, name):
        """A photo's original, to staff who may view photos: on local disk no public
        address serves it (gallery/storage.py)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        photo = Photo.objects.filter(image=name).first()
        if photo is None:
            raise Http404("No photo has this original.")
        try:
            file = photo.image.storage.open(name, "rb")
        except FileNotFoundError:
            raise Http404("The original is missing from storage.") from None
        response = FileResponse(file, filename=posixpath.basename(name))
        response["Cache-Control"] = "private, max-age=300"
        return response

    def add_photos_view(self, request):
        return admin_views.add_photos_view(self, request)

    def grid_view(self, request):
        return admin_views.photo_grid_view(self, request)

    @admin.action(description="Edit alt text, captions and credits", permissions=["change"])
    def edit_words(self, request, queryset):
        return HttpResponseRedirect(admin_views.grid_url(queryset.order_by("pk")))

    @admin.display(description="photo")
    def thumbnail_column(self, obj):
        # Small, and the mission left to the filter: the list fits a 1280 px screen.
        # The thumbnail links to the photo's page: the link needs a name.
        return thumbnail(obj, width=48, alt=obj.title)

    @admin.display(description="preview")
    def preview(self, obj):
        return thumbnail(obj, width=320, purpose="phone")

    @admin.display(description="renditions", ordering="rendition_state")
    def renditions_column(self, obj):
        if not obj.pk or not obj.image:
            return "—"
        return rendition_status(obj)

    @admin.action(description="Make renditions of selected photos again", permissions=["change"])
    def make_renditions_again(self, request, queryset):
        """Retry failed renditions, or remake missing files; the worker does the work."""
        count = 0
        for photo in queryset.exclude(image=""):
            photo.queue_renditions()
            count += 1
        self.message_user(
            request,
            f"The renditions of {count} photo(s) are queued; they show once they are ready.",
            messages.SUCCESS,
        )


class SlideInline(PhotoPickerMixin, SortableInlineAdminMixin, admin.TabularInline):
    model = Slide
    extra = 0
    # Most slides keep their photo's caption: a small box keeps the essay's
    # slides in view together.
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}
    autocomplete_fields = ["photo"]
    fields = ["order", "photo", "slide_thumbnail", "caption"]
    readonly_fields = ["slide_thumbnail"]
    # With "move to first / last" buttons beside the drag handle.
    template = SortableTabularInline.template

    @admin.display(description="")
    def slide_thumbnail(self, obj):
        return thumbnail(obj.photo if obj.pk else None, width=80)


@admin.register(Gallery)
class GalleryAdmin(RevisionAdmin, PhotoPickerMixin, SortableAdminBase, PublishableAdmin):
    list_display = ["title", "mission", "slide_count", "status_label", "publish_at"]
    list_filter = ["status", "mission"]
    search_fields = ["title", "introduction"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["mission", "cover"]
    inlines = [SlideInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "introduction", "mission", "cover"]}),
        PublishableAdmin.publication_fieldset,
    ]
    change_form_template = "admin/gallery/gallery/change_form.html"
    # Explicit: the slide count's GROUP BY drops the model's default ordering, and the
    # autocomplete's pages need a stable one.
    ordering = ["-publish_at", "title"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(slide_total=Count("slides"))

    def get_urls(self):
        return [
            path(
                "<path:object_id>/add-photos/",
                self.admin_site.admin_view(self.add_photos_view),
                name="gallery_gallery_add_photos",
            ),
            *super().get_urls(),
        ]

    def add_photos_view(self, request, object_id):
        """Upload several photos at once; each becomes a draft slide at the essay's end."""
        gallery = self.get_object(request, object_id)
        if gallery is None:
            raise Http404("No such photo essay.")
        photo_admin = self.admin_site._registry[Photo]
        if not (
            self.has_change_permission(request, gallery) and photo_admin.has_add_permission(request)
        ):
            raise PermissionDenied
        change_url = reverse("admin:gallery_gallery_change", args=[gallery.pk])
        form = AddPhotosForm(request.POST or None, request.FILES or None, gallery=gallery)
        if request.method == "POST" and form.is_valid():
            with self.create_revision(request):
                created, refusals = form.save()
                # Theirs to edit as any photo they upload alone (PublishableAdmin.save_model).
                Photo.objects.filter(pk__in=[p.pk for p in created]).update(created_by=request.user)
                if created:
                    self.record_revision(gallery, f"Added {len(created)} photo(s)")
            if created:
                self.message_user(
                    request,
                    f"Added {len(created)} photo(s) to “{gallery}” as drafts. Give them "
                    "alt text, a credit and a licence here, then publish them.",
                    messages.SUCCESS,
                )
                for message in refusals:
                    self.message_user(request, f"Not added: {message}", messages.ERROR)
                return HttpResponseRedirect(admin_views.grid_url(created, change_url))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Add photos to “{gallery}”",
            "opts": self.opts,
            "original": gallery,
            "form": form,
            "change_url": change_url,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/gallery/gallery/add_photos.html", context)

    @admin.display(description="slides", ordering="slide_total")
    def slide_count(self, obj):
        return obj.slide_total
