from django import template

from hamkor.feeds.models import CalendarToken
from hamkor.feeds.views import NEW_ADDRESS_KEY

register = template.Library()


@register.inclusion_tag("feeds/_profile_card.html", takes_context=True)
def calendar_feed_card(context):
    """The profile page's card of the user's calendar address (shown in full only once)."""
    request = context["request"]
    return {
        "token": CalendarToken.objects.filter(user=request.user).first(),
        "new_address": request.session.pop(NEW_ADDRESS_KEY, None),
        "csrf_token": context.get("csrf_token"),
    }
