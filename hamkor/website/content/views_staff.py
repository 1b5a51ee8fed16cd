"""Staff pages of the site's content: news, pages and pictures in the generic screens, the
publishing steps, and a preview of a text in each language before the public sees it."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils import translation

from hamkor.core import transitions
from hamkor.core.services import object_save
from hamkor.core.validators import is_number
from hamkor.core.views import generic
from hamkor.website.content import services
from hamkor.website.content.filters import NewsItemFilterSet, PageFilterSet, SiteImageFilterSet
from hamkor.website.content.forms import NewsItemForm, PageForm, SiteImageForm
from hamkor.website.content.models import NewsItem, Page, SiteImage
from hamkor.website.content.selectors import (
    missing_translations,
    page_children_public,
    page_menu,
    site_images_recent,
)
from hamkor.website.content.tables import NewsItemTable, PageTable, SiteImageTable, state_badge
from hamkor.website.selectors import department_profile_get

NEWS = NewsItem.objects.select_related("image")
PAGES = Page.objects.select_related("parent")
IMAGES = SiteImage.objects.all()
PREVIEW_LANGUAGES = ("uz", "uz-cyrl", "ru", "en")


def language_names() -> list[tuple[str, str]]:
    names = dict(settings.LANGUAGES)
    return [(code, names.get(code, code)) for code in PREVIEW_LANGUAGES]


class ContentDetailMixin:
    """The detail page of a text: its status and steps, missing translations, previews."""

    status_badge = staticmethod(state_badge)

    def get_extra_context(self, obj):
        return {
            "status_badge": self.status_badge(obj),
            "steps": transitions.steps_available(obj, self.request.user),
            "missing": missing_translations(obj),
            "preview_languages": language_names(),
        }


class ContentEditMixin:
    """The edit page of a text: the pictures to insert, and what is left untranslated."""

    def get_extra_context(self, obj):
        return {
            "images": site_images_recent(),
            "missing": missing_translations(obj) if obj is not None and obj.pk else [],
        }


class StepForm(forms.Form):
    """Publishing and withdrawing ask nothing more."""


class ContentStepView(generic.ObjectStepView):
    """A publishing step of a text: nothing more is asked; ``take_step`` calls the app's
    transition service."""

    status_badge = staticmethod(state_badge)

    def badge(self, obj) -> str:
        return self.status_badge(obj)

    def make_form(self, obj, data=None):
        return StepForm(data)


# --- News ------------------------------------------------------------------------------------


class NewsItemListView(generic.ObjectListView):
    queryset = NEWS
    filterset_class = NewsItemFilterSet
    table_class = NewsItemTable
    bulk_actions = ("export",)


class NewsItemDetailView(ContentDetailMixin, generic.ObjectDetailView):
    queryset = NEWS


class NewsItemHistoryView(generic.ObjectHistoryView):
    queryset = NEWS


class NewsItemEditView(ContentEditMixin, generic.ObjectEditView):
    queryset = NEWS
    form_class = NewsItemForm
    template_name = "website/content_edit.html"

    def save(self, form, *, expected_version):
        return services.news_item_save(
            item=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )


class NewsItemDeleteView(generic.ObjectDeleteView):
    queryset = NEWS


class NewsItemStepView(ContentStepView):
    queryset = NEWS

    def take_step(self, obj, form):
        return services.news_item_transition(item=obj, name=self.step.name, actor=self.request.user)


# --- Pages -----------------------------------------------------------------------------------


class PageListView(generic.ObjectListView):
    queryset = PAGES
    filterset_class = PageFilterSet
    table_class = PageTable
    bulk_actions = ("export",)


class PageDetailView(ContentDetailMixin, generic.ObjectDetailView):
    queryset = PAGES.prefetch_related("children")


class PageHistoryView(generic.ObjectHistoryView):
    queryset = PAGES


class PageEditView(ContentEditMixin, generic.ObjectEditView):
    queryset = PAGES
    form_class = PageForm
    template_name = "website/content_edit.html"

    def get_initial_object(self):
        page = Page()
        parent = self.request.GET.get("parent", "")
        if is_number(parent):
            page.parent = Page.objects.filter(pk=parent).first()
        return page

    def save(self, form, *, expected_version):
        return services.page_save(
            page=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )


class PageDeleteView(generic.ObjectDeleteView):
    queryset = PAGES


class PageStepView(ContentStepView):
    queryset = PAGES

    def take_step(self, obj, form):
        return services.page_transition(page=obj, name=self.step.name, actor=self.request.user)


# --- Previews --------------------------------------------------------------------------------


class PreviewView(generic.ObjectDetailView):
    """The text as the public page will show it, in ``language``, whatever its status: for
    staff who may read the record (the public never sees a draft)."""

    public_template = ""

    def get(self, request, pk, language):
        if language not in PREVIEW_LANGUAGES:
            raise Http404
        obj = self.get_object()
        with translation.override(language):
            context = {
                **self.public_context(obj),
                "profile": department_profile_get(),
                "preview": {
                    "object": obj,
                    "language": language,
                    "languages": language_names(),
                    "missing": missing_translations(obj),
                    "url_name": f"website:{obj._meta.model_name}_preview",
                },
            }
            response = render(request, self.public_template, context)
        response["X-Robots-Tag"] = "noindex"
        return response

    def public_context(self, obj) -> dict:
        return {}


class NewsItemPreviewView(PreviewView):
    queryset = NEWS
    public_template = "website/content_news_detail.html"

    def public_context(self, obj):
        return {"item": obj}


class PagePreviewView(PreviewView):
    queryset = PAGES
    public_template = "website/content_page.html"

    def public_context(self, obj):
        ancestors, ancestor = [], obj.parent
        while ancestor is not None:
            ancestors.insert(0, ancestor)
            ancestor = ancestor.parent
        menu = page_menu()
        return {
            "page": obj,
            "ancestors": ancestors,
            "menu": menu,
            "children": page_children_public(menu, obj),
        }


# --- Pictures --------------------------------------------------------------------------------


class SiteImageListView(generic.ObjectListView):
    queryset = IMAGES
    filterset_class = SiteImageFilterSet
    table_class = SiteImageTable
    bulk_actions = ("export",)


class SiteImageDetailView(generic.ObjectDetailView):
    queryset = IMAGES.prefetch_related("news_items")


class SiteImageHistoryView(generic.ObjectHistoryView):
    queryset = IMAGES


class SiteImageEditView(generic.ObjectEditView):
    queryset = IMAGES
    form_class = SiteImageForm

    def save(self, form, *, expected_version):
        image = form.save(commit=False)
        if image.pk is None:
            return services.site_image_upload(
                image=image, upload=form.cleaned_data["upload"], actor=self.request.user
            )
        return object_save(
            instance=image,
            actor=self.request.user,
            expected_version=expected_version,
            reason="website.siteimage.edited",
        )


class SiteImageDeleteView(generic.ObjectDeleteView):
    queryset = IMAGES

    def delete(self, obj) -> None:
        services.site_image_delete(image=obj, actor=self.request.user)
