from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.core.views import pages

app_name = "core"

urlpatterns = [
    path("staff/", pages.home, name="home"),
    *model_paths(
        "staff/outbox", "outboxmessage", list=pages.OutboxListView, detail=pages.OutboxDetailView
    ),
]
