"""``hamkor erasmus-grant``: the Erasmus+ grant of one mobility, from the rate tables.

Scripts rely on this interface: with ``--json`` it prints one JSON object with the keys
``distance_km``, ``band``, ``travel``, ``individual``, ``top_ups``, ``total`` (EUR) and
``unverified``. A case the tables do not cover, or a bad argument, exits with status 2 and
one line on standard error.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from hamkor.core.management.base import BAD_INPUT, ScriptCommand
from hamkor.grants.erasmus import (
    GrantInputError,
    GrantRequest,
    RateMissing,
    distance_km,
    erasmus_grant,
    point_parse,
)
from hamkor.grants.models import Action, Participant


class Command(ScriptCommand):
    help = "Compute the Erasmus+ travel and individual support of one mobility (EUR)."

    def add_arguments(self, parser):
        parser.add_argument("--call-year", type=int, required=True)
        parser.add_argument("--action", choices=Action.values, required=True)
        parser.add_argument("--participant", choices=Participant.values, required=True)
        parser.add_argument("--origin", metavar="LAT,LON")
        parser.add_argument("--venue", metavar="LAT,LON")
        parser.add_argument("--km", help="The official distance calculator's km.")
        parser.add_argument("--days", type=int)
        parser.add_argument("--months", type=int)
        parser.add_argument("--extra-days", type=int)
        parser.add_argument("--country", default="", help="The host country (ISO code).")
        parser.add_argument("--green", action="store_true")
        parser.add_argument("--fewer-opportunities", action="store_true")
        parser.add_argument("--traineeship", action="store_true")
        parser.add_argument("--travel-only", action="store_true")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args, **options):
        try:
            request = GrantRequest(
                call_year=options["call_year"],
                action=options["action"],
                participant=options["participant"],
                km=self.km(options),
                days=options["days"],
                months=options["months"],
                extra_days=options["extra_days"] or 0,
                country=options["country"].strip().upper(),
                green=options["green"],
                fewer_opportunities=options["fewer_opportunities"],
                traineeship=options["traineeship"],
                travel_only=options["travel_only"],
            )
            if options["extra_days"] is not None and options["months"] is None:
                raise GrantInputError(_("--extra-days goes with --months."))
            result = erasmus_grant(request)
        except (GrantInputError, RateMissing) as exc:
            raise CommandError(str(exc), returncode=BAD_INPUT) from exc
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict()))
            return
        for key, value in result.as_dict().items():
            self.stdout.write(f"{key}: {value}")

    def km(self, options) -> Decimal:
        points = options["origin"], options["venue"]
        if options["km"] is not None:
            if any(points):
                raise GrantInputError(_("Give either --km or --origin and --venue, not both."))
            try:
                km = Decimal(options["km"])
            except InvalidOperation as exc:
                raise GrantInputError(
                    _("--km %(value)s is not a number.") % {"value": options["km"]}
                ) from exc
            if not km.is_finite():
                raise GrantInputError(
                    _("--km %(value)s is not a number.") % {"value": options["km"]}
                )
            return km
        if not all(points):
            raise GrantInputError(_("Give --km, or both --origin and --venue."))
        return distance_km(point_parse(options["origin"]), point_parse(options["venue"]))
