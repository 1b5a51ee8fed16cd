"""The public partners page and its widget for other sites: the partners the office shows
on the website (decision 0009), on a world map and listed by country."""

from __future__ import annotations

from django.shortcuts import render

from hamkor.website.embed import embeddable
from hamkor.website.selectors import (
    department_profile_get,
    partner_map_data,
    public_partners_by_country,
)


def _context() -> dict:
    found = public_partners_by_country()
    return {
        "countries": found,
        "partner_count": sum(len(country.partners) for country in found),
        "map_data": partner_map_data(found),
        "profile": department_profile_get(),
    }


def partners(request):
    return render(request, "website/public/partners.html", _context())


@embeddable
def partners_embed(request):
    """The map and the count alone, for the university's main site to show in a frame."""
    return render(request, "website/public/partners_embed.html", _context())
