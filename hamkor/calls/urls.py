"""Staff addresses of the calls app."""

from hamkor.calls.selection_urls import urlpatterns as selection_urlpatterns

app_name = "calls"

urlpatterns = [
    *selection_urlpatterns,
]
