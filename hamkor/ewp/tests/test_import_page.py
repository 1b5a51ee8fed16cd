"""The office's IIA import page: check, see the changes, name the unknown partner, apply."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from hamkor.agreements.models import Agreement
from hamkor.ewp.tests.conftest import home_as
from hamkor.ewp.tests.test_bad_input import BILLION_LAUGHS
from hamkor.partners.models import Institution

pytestmark = pytest.mark.django_db
EXAMPLE = "ewp-specs-api-iias/endpoints/get-response-example.xml"
URL = "ewp:iia_import"


def _upload(client, data: bytes, name: str = "iia.xml"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse(URL), {"file": SimpleUploadedFile(name, data, "text/xml")})


def test_check_shows_the_changes_then_apply_creates_the_partner(ewp_dir, as_user):
    home_as("hibo.no")
    client = as_user("officer")
    preview = _upload(client, (ewp_dir / EXAMPLE).read_bytes())
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "The institution uw.edu.pl is not known." in page
    # The conditions, two contacts, and the partner's unit 140 (its sending unit).
    assert page.count('class="text-success"') == 5 + 2 + 1
    assert "Units of the partner to add (EWP ids)" in page and "<code>140</code>" in page
    assert "Sylwia Nowak &lt;email@example.com&gt;" in page
    assert not Agreement.objects.exists()  # nothing saved by the check

    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    applied = client.post(
        reverse(URL),
        {
            "token": token,
            "create-uw.edu.pl": "1",
            "name-uw.edu.pl": "University of Warsaw",
            "country-uw.edu.pl": "PL",
        },
    )
    agreement = Agreement.objects.get()
    assert applied.status_code == 302 and applied["Location"] == agreement.get_absolute_url()
    partner = Institution.objects.get(schac_code="uw.edu.pl")
    assert (partner.name, partner.country.code) == ("University of Warsaw", "PL")
    assert agreement.quotas.count() == 5
    contacts = partner.contacts.values_list("full_name", flat=True)
    assert sorted(contacts) == ["Jadwiga Kowalska", "Sylwia Nowak"]


def test_apply_without_creating_the_partner_saves_nothing(ewp_dir, as_user):
    home_as("hibo.no")
    client = as_user("officer")
    page = _upload(client, (ewp_dir / EXAMPLE).read_bytes()).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    refused = client.post(reverse(URL), {"token": token})
    assert refused.status_code == 400
    assert "uw.edu.pl is not known" in refused.content.decode()
    assert not Agreement.objects.exists()


def test_a_forged_token_is_refused(ewp_dir, as_user):
    refused = as_user("officer").post(reverse(URL), {"token": "../../etc/passwd"})
    assert refused.status_code == 400
    assert "Upload the file again." in refused.content.decode()


def test_an_invalid_file_is_refused_with_its_lines_in_the_page_language(ewp_dir, as_user):
    home_as("hibo.no")
    client = as_user("officer")
    bad = (ewp_dir / EXAMPLE).read_bytes().replace(b"<in-effect>true", b"<in-effect>maybe")
    with translation.override("en"):
        refused = _upload(client, bad)
    assert refused.status_code == 400
    assert "Line 45: “maybe” is not a valid value for “in-effect”." in refused.content.decode()
    assert not Agreement.objects.exists()


def test_an_xml_bomb_is_refused(ewp_dir, as_user):
    refused = _upload(as_user("officer"), BILLION_LAUGHS)
    assert refused.status_code == 400
    assert "Document type declarations and entities are not accepted." in refused.content.decode()


def test_a_coordinator_may_not_import(as_user):
    assert as_user("coordinator").get(reverse(URL)).status_code == 403
