from adminsortable2.admin import SortableAdminBase, SortableInlineAdminMixin
from django import forms
from django.contrib import admin

from publishing.admin import PublishableAdmin

from .models import Article, Block, Byline


class BylineInline(SortableInlineAdminMixin, admin.TabularInline):
    model = Byline
    extra = 0
    min_num = 1
    autocomplete_fields = ["person"]
    verbose_name = "author"
    verbose_name_plural = "authors"


class BlockInline(SortableInlineAdminMixin, admin.StackedInline):
    model = Block
    extra = 0
    autocomplete_fields = ["photo"]
    fields = ["text", "photo", "caption"]
    verbose_name = "body block"
    verbose_name_plural = "body (text and photo blocks, in reading order)"

    def get_formset(self, request, obj=None, **kwargs):
        # A caption is a line or two; the text above it has the rich-text editor.
        kwargs["widgets"] = {"caption": forms.Textarea(attrs={"rows": 2})}
        return super().get_formset(request, obj, **kwargs)

    def get_queryset(self, request):
        # Each block's heading names its photo and article.
        return super().get_queryset(request).select_related("article", "photo")


@admin.register(Article)
class ArticleAdmin(SortableAdminBase, PublishableAdmin):
    list_display = ["headline", "byline", "mission", "status_label", "publish_at"]
    list_filter = ["status", "mission"]
    search_fields = ["headline", "standfirst", "blocks__text"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["mission", "people", "hero_photo", "related_gallery"]
    inlines = [BylineInline, BlockInline]
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
