"""EWP endpoints (XML, GET or POST as the specifications allow)."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.http import HttpResponse
from django.utils.dateparse import parse_datetime
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from hamkor.accounts.models import OrgUnit
from hamkor.agreements.models import Agreement
from hamkor.core.validators import is_number
from hamkor.ewp import access, iias, responses
from hamkor.mobility.models import Mobility

MAX_IDS = 100


class BadRequest(Exception):
    """A parameter the specification does not allow: 400 with an error response."""


def xml(data: bytes, status: int = 200) -> HttpResponse:
    return HttpResponse(data, status=status, content_type="application/xml; charset=utf-8")


@method_decorator(csrf_exempt, name="dispatch")  # read-only; partners call without cookies
class EwpEndpoint(View):
    """One EWP read endpoint: checks the caller, reads the parameters, answers XML."""

    http_method_names = ["get", "post"]
    permission = ""

    def get(self, request):
        found = access.caller(request, self.permission)
        if isinstance(found, int):
            # Developer messages of EWP are read by partners' developers: English.
            response = xml(responses.error_response("Not allowed."), status=found)
            if found == 401:
                response["WWW-Authenticate"] = 'Signature realm="EWP"'
            return response
        self.params = request.POST if request.method == "POST" else request.GET
        try:
            return xml(self.respond(found))
        except BadRequest as error:
            return xml(responses.error_response(str(error)), status=400)

    post = get

    def ids(self, name: str, *, required: bool = False) -> list[str]:
        values = [value for value in self.params.getlist(name) if value]
        if required and not values:
            raise BadRequest(f"{name} is required")
        if len(values) > MAX_IDS:
            raise BadRequest(f"at most {MAX_IDS} {name} values")
        return values

    def modified_since(self):
        value = self.params.get("modified_since")
        if not value:
            return None
        moment = parse_datetime(value)
        if moment is None or moment.tzinfo is None:
            raise BadRequest("modified_since must be an xs:dateTime with a time zone")
        return moment

    def years(self) -> list[int]:
        """The ``receiving_academic_year_id`` values (``2024/2025``), as first years."""
        years = [value.split("/")[0] for value in self.ids("receiving_academic_year_id")]
        if not all(is_number(year) for year in years):
            raise BadRequest("receiving_academic_year_id must read like 2024/2025")
        return [int(year) for year in years]

    def home_hei(self) -> str:
        home = iias.home()
        if home is None:
            raise BadRequest("the home institution has no SCHAC code")
        return home.schac_code

    def respond(self, caller: access.Caller) -> bytes:
        """The endpoint's XML for ``caller``: each endpoint below answers its own."""
        raise NotImplementedError


def _agreements(caller: access.Caller):
    found = iias.iias_queryset()
    if caller.hei_id:
        return found.filter(parties__institution__schac_code=caller.hei_id)
    return found.filter(pk__in=Agreement.objects.restrict(caller.user, "view").values("pk"))


class IiasIndexView(EwpEndpoint):
    permission = "agreements.view_agreement"

    def respond(self, caller):
        found = _agreements(caller)
        since = self.modified_since()
        if since:
            found = found.filter(
                Q(updated_at__gte=since)
                | Q(quotas__updated_at__gte=since)
                | Q(parties__updated_at__gte=since)
            )
        years = self.years()
        if years:
            found = found.filter(
                quotas__first_year__lte=max(years), quotas__last_year__gte=min(years)
            )
        return iias.index_response(
            iias.our_iia_id(agreement) for agreement in found.distinct().order_by("pk")
        )


class IiasGetView(EwpEndpoint):
    permission = "agreements.view_agreement"

    def respond(self, caller):
        wanted = self.ids("iia_id", required=True)
        found = [
            agreement
            for iia_id in wanted
            for agreement in _agreements(caller)
            .filter(pk__in=iias.by_iia_id(iia_id).values("pk"))
            .prefetch_related("parties__institution", "parties__unit", "quotas")
            .order_by("pk")[:1]
        ]
        if found:
            self.home_hei()
        return iias.get_response(found)


class InstitutionsView(EwpEndpoint):
    permission = "partners.view_institution"

    def respond(self, caller):
        wanted = self.ids("hei_id", required=True)
        if caller.hei_id:
            # A partner learns of our university and of itself, not of the others we know.
            allowed = {self.home_hei().lower(), caller.hei_id.lower()}
            wanted = [hei for hei in wanted if hei.lower() in allowed]
        return responses.institutions_response(wanted)


class OunitsView(EwpEndpoint):
    permission = "partners.view_institution"

    def respond(self, caller):
        if self.params.get("hei_id") != self.home_hei():
            raise BadRequest("unknown hei_id")
        ids, codes = self.ids("ounit_id"), self.ids("ounit_code")
        if bool(ids) == bool(codes):
            raise BadRequest("give either ounit_id or ounit_code")
        units = OrgUnit.objects.filter(institution__is_home=True, is_active=True)
        if ids:
            units = units.filter(pk__in=[value for value in ids if is_number(value)])
        else:
            units = units.filter(code__in=codes)
        return responses.ounits_response(units.order_by("pk"))


def _mobilities(caller: access.Caller):
    found = responses.omobilities_queryset()
    if caller.hei_id:
        return found.filter(receiving_institution__schac_code=caller.hei_id)
    return found.filter(pk__in=Mobility.objects.restrict(caller.user, "view").values("pk"))


class OmobilitiesIndexView(EwpEndpoint):
    permission = "mobility.view_mobility"

    def respond(self, caller):
        if self.params.get("sending_hei_id") != self.home_hei():
            raise BadRequest("sending_hei_id must be ours")
        found = _mobilities(caller)
        receiving = self.ids("receiving_hei_id")
        if receiving:
            found = found.filter(receiving_institution__schac_code__in=receiving)
        years = self.years()
        if years:
            found = found.filter(
                planned_start__gte=datetime.date(min(years), 9, 1),
                planned_start__lt=datetime.date(max(years) + 1, 9, 1),
            )
        since = self.modified_since()
        if since:
            found = found.filter(updated_at__gte=since)
        return responses.omobilities_index_response(
            found.order_by("pk").values_list("pk", flat=True)
        )


class OmobilitiesGetView(EwpEndpoint):
    permission = "mobility.view_mobility"

    def respond(self, caller):
        home = self.home_hei()
        if self.params.get("sending_hei_id") != home:
            raise BadRequest("sending_hei_id must be ours")
        ids = [value for value in self.ids("omobility_id", required=True) if is_number(value)]
        found = (
            _mobilities(caller)
            .filter(pk__in=ids)
            .select_related("person", "receiving_institution", "agreement")
            .prefetch_related("agreement__parties")
            .order_by("pk")
        )
        return responses.omobilities_get_response(found, sending_hei_id=home)
