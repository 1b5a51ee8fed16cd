from django.urls import path

from hamkor.hemis import views

app_name = "hemis"

urlpatterns = [
    path("account/hemis/login/", views.oauth_start, name="oauth_start"),
    path("account/hemis/callback/", views.oauth_callback, name="oauth_callback"),
]
