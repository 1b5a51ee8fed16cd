"""A user's API tokens (the section of their profile page)."""

from django.urls import path

from hamkor.api import token_views

app_name = "api_tokens"

urlpatterns = [
    path("account/api-tokens/", token_views.api_token_add, name="add"),
    path("account/api-tokens/<int:pk>/revoke/", token_views.api_token_revoke_view, name="revoke"),
]
