"""Records of the site's content for tests, and pictures built in memory."""

from __future__ import annotations

import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from hamkor.core.transitions import status_set_initial
from hamkor.website.content.models import NewsItem, Page, SiteImage


def picture_upload(
    width: int = 40, height: int = 30, kind: str = "PNG", name: str = "photo.png", **save
) -> SimpleUploadedFile:
    """A real picture of ``width`` × ``height`` in ``kind`` (JPEG, PNG, WEBP)."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(out, kind, **save)
    return SimpleUploadedFile(name, out.getvalue())


class NewsItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsItem

    slug = factory.Sequence(lambda n: f"news-{n}")
    title_uz = factory.Sequence(lambda n: f"Yangilik {n}")
    title_en = factory.Sequence(lambda n: f"News {n}")
    body_uz = "<p>Matn</p>"

    @classmethod
    def _create(cls, model_class, *args, status=None, **kwargs):
        item = model_class(*args, **kwargs)
        if status:
            status_set_initial(item, status)
            item.publish_at = item.publish_at or timezone.now() - datetime.timedelta(hours=1)
        item.save()
        return item


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    parent = None
    slug = factory.Sequence(lambda n: f"page-{n}")
    path = factory.LazyAttribute(
        lambda page: f"{page.parent.path}/{page.slug}" if page.parent else page.slug
    )
    title_uz = factory.Sequence(lambda n: f"Sahifa {n}")
    title_en = factory.Sequence(lambda n: f"Page {n}")
    body_uz = "<p>Matn</p>"

    @classmethod
    def _create(cls, model_class, *args, status=None, **kwargs):
        page = model_class(*args, **kwargs)
        if status:
            status_set_initial(page, status)
        page.save()
        return page


def site_image(actor=None, **alts) -> SiteImage:
    from hamkor.website.content.services import site_image_upload

    image = SiteImage(alt_uz=alts.get("alt_uz", "Rasm"), alt_en=alts.get("alt_en", "A picture"))
    return site_image_upload(image=image, upload=picture_upload(), actor=actor)
