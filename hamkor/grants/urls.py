"""Staff addresses of the grants app."""

from hamkor.grants.money.urls import urlpatterns as money_urlpatterns

app_name = "grants"

urlpatterns = [*money_urlpatterns]
