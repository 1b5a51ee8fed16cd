from django import template

from hamkor.hemis.oauth import oauth_enabled

register = template.Library()


@register.inclusion_tag("hemis/_login_button.html")
def hemis_login_button(next_url: str = ""):
    """The login page's "Log in with HEMIS", when HEMIS sign-in is configured."""
    return {"enabled": oauth_enabled(), "next": next_url}
