"""Root URLs: public pages carry a language prefix; staff pages follow the user's language."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from hamkor.core.views.pages import healthz
from hamkor.website.sitemaps import SITEMAPS, robots_txt

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("", include("hamkor.core.urls")),
    path("", include("hamkor.accounts.urls")),
    path("", include("hamkor.api.token_urls")),
    path("", include("hamkor.partners.urls")),
    path("", include("hamkor.website.staff_urls")),
    path("", include("hamkor.agreements.urls")),
    path("", include("hamkor.mobility.urls")),
    path("", include("hamkor.grants.urls")),
    path("", include("hamkor.students.urls")),
    path("", include("hamkor.events.urls")),
    path("", include("hamkor.calls.urls")),
    path("", include("hamkor.reports.urls")),
    path("", include("hamkor.workbench.urls")),
    path("", include("hamkor.ewp.urls")),
    path("", include("hamkor.feeds.urls")),
    path("", include("hamkor.hemis.urls")),
    path("", include("hamkor.webhooks.urls")),
    path("", include("hamkor.security.urls")),
    path("", include("hamkor.privacy.urls")),
    path("api/", include("hamkor.api.urls")),
    path("django-admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("hamkor.website.urls")),
    prefix_default_language=True,
)

handler400 = "hamkor.core.views.errors.bad_request"
handler403 = "hamkor.core.views.errors.permission_denied"
handler404 = "hamkor.website.not_found.page_not_found"
handler500 = "hamkor.core.views.errors.server_error"
