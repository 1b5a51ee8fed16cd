from django.urls import path

from hamkor.feeds import views

app_name = "feeds"

urlpatterns = [
    path("account/calendar/new/", views.calendar_token_create_view, name="token_create"),
    path("account/calendar/revoke/", views.calendar_token_revoke_view, name="token_revoke"),
    path("feeds/deadlines/<str:token>.ics", views.deadlines_feed, name="deadlines"),
]
