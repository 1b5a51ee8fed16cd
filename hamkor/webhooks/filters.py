from hamkor.core.filters import SearchFilterSet
from hamkor.webhooks.models import Webhook


class WebhookFilterSet(SearchFilterSet):
    search_fields = ("name", "url")

    class Meta:
        model = Webhook
        fields = ["q", "is_active"]
