from adminsortable2.admin import CustomInlineFormSet, SortableAdminBase, SortableInlineAdminMixin
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import F, Max

from gallery.admin import thumbnail
from gallery.widgets import PhotoPickerMixin
from publishing.admin import PublishableAdmin
from revisions.admin import RevisionAdmin

from .blockforms import BlockForm
from .models import Article, Block, Byline, Note


class BylineInline(SortableInlineAdminMixin, admin.TabularInline):
    model = Byline
    extra = 0
    min_num = 1
    autocomplete_fields = ["person"]
    verbose_name = "author"
    verbose_name_plural = "authors"


class BlockFormSet(CustomInlineFormSet):
    """Each block has a place of its own in the article (its natural key)."""

    def clean(self):
        super().clean()
        places = [
            form.cleaned_data.get("order")
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        ]
        # A new block without a place is put last when it is saved.
        places = [place for place in places if place]
        if len(places) != len(set(places)):
            raise ValidationError("Two body blocks have the same place; drag one of them.")

    def validate_unique(self):
        # Django's check would count new blocks without a place as sharing place 0;
        # clean() checks the places instead.
        pass

    def save_existing_objects(self, commit=True):
        if commit:
            # Out of the way first, so that two blocks can swap places.
            moving = [
                form.instance.pk
                for form in self.initial_forms
                if form.instance.pk
                and (self._should_delete_form(form) or "order" in form.changed_data)
            ]
            if moving:
                top = self.get_queryset().aggregate(top=Max("order"))["top"] or 0
                Block.objects.filter(pk__in=moving).update(order=F("order") + top + 1)
        return super().save_existing_objects(commit)


class BlockInline(PhotoPickerMixin, SortableInlineAdminMixin, admin.StackedInline):
    model = Block
    form = BlockForm
    formset = BlockFormSet
    extra = 0
    autocomplete_fields = ["photo"]
    fields = ["kind", "text", "photo", "block_thumbnail", "caption"]
    readonly_fields = ["block_thumbnail"]
    # Headings that say what each block holds: "Block 3 – Photo: <title>".
    template = "admin/articles/block/stacked.html"
    verbose_name = "body block"
    verbose_name_plural = "body (text and photo blocks, in reading order)"

    def get_formset(self, request, obj=None, **kwargs):
        # A caption is a line or two; the text above it has the rich-text editor.
        kwargs["widgets"] = {"caption": forms.Textarea(attrs={"rows": 2})}
        return super().get_formset(request, obj, **kwargs)

    def get_queryset(self, request):
        # Each block's heading names its photo and article.
        return super().get_queryset(request).select_related("article", "photo")

    @admin.display(description="preview")
    def block_thumbnail(self, obj):
        return thumbnail(obj.photo if obj.pk else None, width=160)


class NoteInline(admin.TabularInline):
    model = Note
    extra = 0
    fields = ["kind", "text", "noted_at"]

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["widgets"] = {"text": forms.Textarea(attrs={"rows": 3})}
        return super().get_formset(request, obj, **kwargs)


@admin.register(Article)
class ArticleAdmin(RevisionAdmin, PhotoPickerMixin, SortableAdminBase, PublishableAdmin):
    list_display = ["headline", "byline", "mission", "status_label", "publish_at"]
    list_filter = ["status", "mission"]
    search_fields = ["headline", "standfirst", "blocks__text"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["mission", "people", "hero_photo", "related_gallery"]
    inlines = [BylineInline, BlockInline, NoteInline]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "hero_photo"]}),
        ("Links", {"fields": ["mission", "people", "related_gallery"]}),
        ("Editor's note", {"fields": ["editors_note"], "classes": ["collapse"]}),
        PublishableAdmin.publication_fieldset,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("bylines__person")

    @admin.display(description="by")
    def byline(self, obj):
        return ", ".join(str(b.person) for b in obj.bylines.all())
