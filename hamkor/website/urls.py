"""Public pages; mounted under the language prefix (/uz/, /uz-cyrl/, /ru/, /en/)."""

from django.urls import path

from hamkor.website import views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("letters/<str:token>/", views.letter_verify, name="letter_verify"),
]
