"""The API's documentation page (offline Swagger UI), for office staff."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from drf_spectacular.views import SpectacularSwaggerSplitView

from hamkor.core.api.permissions import StaffOnly


class APIDocsView(SpectacularSwaggerSplitView):
    """A page read in the browser: an anonymous visitor is sent to the login page (the API
    itself answers 403 to clients without credentials)."""

    url_name = "api:schema"
    permission_classes = [StaffOnly]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)
