"""Public pages; mounted under the language prefix (/uz/, /uz-cyrl/, /ru/, /en/)."""

from django.urls import path

from hamkor.calls import public_views as calls
from hamkor.events.views import public as events
from hamkor.website import views, views_partners
from hamkor.website.content import views_public as content_public
from hamkor.website.content.feeds import NewsAtomFeed, NewsRssFeed
from hamkor.website.inquiries import views as inquiries
from hamkor.website.opportunities import views_public as opportunities
from hamkor.website.reception import views as reception

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    # The widgets another site may frame (hamkor/website/embed.py, static/website/embed.js).
    path("embed/achievements/", views.embed_achievements, name="embed_achievements"),
    path("letters/<str:token>/", views.letter_verify, name="letter_verify"),
    path("events/", events.event_list, name="event_list"),
    path("events.ics", events.events_ics, name="events_ics"),
    path("events/<int:pk>/", events.event_detail, name="event_detail"),
    path("events/confirm/<str:token>/", events.event_confirm, name="event_confirm"),
    path("events/cancel/<str:token>/", events.event_cancel, name="event_cancel"),
    path("certificates/<str:token>/", events.certificate_verify, name="certificate_verify"),
    path(
        "certificates/download/<str:token>/",
        events.certificate_download,
        name="certificate_download",
    ),
    path("calls/<int:pk>/", calls.call_detail, name="call_detail"),
    path("apply/register/", calls.applicant_register, name="applicant_register"),
    path("apply/confirm/<str:token>/", calls.applicant_confirm, name="applicant_confirm"),
    path("contact/", inquiries.contact, name="contact"),
    path("reception/", reception.reception, name="reception"),
    path("reception/cancel/<str:token>/", reception.reception_cancel, name="reception_cancel"),
]

# The site's content: news with its feeds, and the static pages of the tree.
urlpatterns += [
    path("news/", content_public.news_list, name="news_list"),
    path("news/rss.xml", NewsRssFeed(), name="news_rss"),
    path("news/atom.xml", NewsAtomFeed(), name="news_atom"),
    path("news/<str:key>/", content_public.news_detail, name="news_detail"),
    path("pages/", content_public.page_index, name="page_index"),
    path("pages/<path:path>/", content_public.page_detail, name="page_detail"),
]

# Opportunities: the open ones, and each one's page (open or closed).
urlpatterns += [
    path("opportunities/", opportunities.opportunity_list, name="opportunity_list"),
    path("opportunities/<str:key>/", opportunities.opportunity_detail, name="opportunity_detail"),
]

# The partners on a world map, and the map as a widget other sites may frame.
urlpatterns += [
    path("partners/", views_partners.partners, name="partners"),
    path("embed/partners/", views_partners.partners_embed, name="partners_embed"),
]
