"""The department's profile as staff edit it and the public reads it: every text in four
languages with its fallbacks, the missing translations named, the head's photo checked."""

from __future__ import annotations

import io

import pytest
from django.forms.models import model_to_dict
from PIL import Image

from hamkor.website.forms import DepartmentProfileForm
from hamkor.website.models import DepartmentProfile
from hamkor.website.tests.content_factories import picture_upload

pytestmark = pytest.mark.django_db
GPS_IFD = 0x8825


@pytest.fixture
def profile(home):
    return DepartmentProfile.objects.create(
        institution=home,
        name_uz="Xalqaro hamkorlik boʻlimi",
        name_ru="Отдел международного сотрудничества",
        name_en="International Cooperation Department",
        head_name_uz="Karimova Aziza",
        head_name_uz_cyrl="Каримова Азиза",
        history_uz="<p>Boʻlim universitet bilan birga tashkil etilgan.</p>",
        history_en="<p>The department was founded with the university.</p>",
        activities_uz="<ul><li>Erasmus+ almashinuvlari</li></ul>",
        activities_uz_cyrl="<ul><li>Erasmus+ алмашинувлари</li></ul>",
        activities_ru="<ul><li>Обмены Erasmus+</li></ul>",
        activities_en="<ul><li>Erasmus+ exchanges</li></ul>",
        map_url="https://www.openstreetmap.org/?mlat=40.53&mlon=70.94#map=17/40.53/70.94",
        address_uz="Qoʻqon shahri, Turon koʻchasi, 23",
    )


def edit_data(profile: DepartmentProfile, **changes) -> dict:
    data = model_to_dict(profile, fields=DepartmentProfileForm.Meta.fields)
    data = {key: "" if value is None else value for key, value in data.items()}
    return {**data, "_version": profile.version, **changes}


def test_each_language_reads_its_column_and_an_empty_one_falls_back_to_uzbek(client, profile):
    russian = client.get("/ru/").text
    assert "Обмены Erasmus+" in russian
    # No Russian history yet: the Uzbek one rather than nothing.
    assert "Boʻlim universitet bilan birga tashkil etilgan." in russian
    assert "The department was founded with the university." in client.get("/en/").text


def test_uzbek_cyrillic_reads_its_own_column_else_the_latin_text_transliterated(client, profile):
    cyrillic = client.get("/uz-cyrl/").text
    assert "Каримова Азиза" in cyrillic
    assert "Erasmus+ алмашинувлари" in cyrillic  # as typed: the programme's name stays Latin
    assert "Бўлим университет билан бирга ташкил этилган." in cyrillic  # transliterated
    assert "Karimova" not in cyrillic


def test_the_address_has_a_plain_link_to_the_map_and_loads_nothing_from_another_site(
    client, profile
):
    page = client.get("/en/").text
    assert f'href="{profile.map_url.replace("&", "&amp;")}"' in page
    assert "<iframe" not in page
    assert 'src="http' not in page and "src='http" not in page


def test_staff_are_told_which_texts_lack_which_translation(as_user, profile):
    client = as_user("officer")
    for url in (profile.get_absolute_url(), f"/staff/department/{profile.pk}/edit/"):
        page = client.get(url).text
        start = page.index("Not translated yet")
        warning = page[start : page.index("</div>", start)]
        assert "<li>History in Russian</li>" in warning
        assert "<li>Head of department in English</li>" in warning
        # A translated text and the optional Cyrillic columns are not listed.
        assert "Activities" not in warning
        assert "Cyrillic" not in warning


def test_the_rich_texts_are_sanitised_on_save(as_user, profile):
    response = as_user("officer").post(
        f"/staff/department/{profile.pk}/edit/",
        edit_data(
            profile,
            tasks_en='<ul><li onclick="steal()">Sign agreements</li></ul><script>steal()</script>',
        ),
    )
    assert response.status_code == 302, response.text
    profile.refresh_from_db()
    assert profile.tasks_en == "<ul><li>Sign agreements</li></ul>"


def test_the_heads_photo_is_stored_narrowed_without_its_camera_data(as_user, client, profile):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[GPS_IFD] = {1: "N", 2: (40.0, 31.0, 43.0), 3: "E", 4: (70.0, 56.0, 33.0)}
    upload = picture_upload(2400, 3000, "JPEG", name="head.jpg", exif=exif.tobytes())

    response = as_user("officer").post(
        f"/staff/department/{profile.pk}/edit/",
        edit_data(profile, head_photo_upload=upload),
    )

    assert response.status_code == 302, response.text
    profile.refresh_from_db()
    photo = profile.head_photo
    assert (photo.width, photo.height) == (1600, 2000)
    with photo.file.open("rb") as stored, Image.open(io.BytesIO(stored.read())) as picture:
        assert not picture.getexif()
    assert photo.alt_uz == "Karimova Aziza"
    page = client.get("/uz/").text
    assert f'src="{photo.url}"' in page
    assert client.get(photo.url).status_code == 200


def test_a_file_that_is_no_picture_is_refused_and_nothing_typed_is_lost(as_user, profile):
    fake = io.BytesIO(b"<svg onload='alert(1)'></svg>")
    fake.name = "head.jpg"
    response = as_user("officer").post(
        f"/staff/department/{profile.pk}/edit/",
        edit_data(profile, head_photo_upload=fake, mission_en="Our new mission"),
    )
    assert response.status_code == 400
    assert "This file is not a picture" in response.text
    assert "Our new mission" in response.text
    profile.refresh_from_db()
    assert profile.head_photo is None
    assert profile.mission_en == ""


def test_a_map_link_must_be_an_https_address(as_user, profile):
    response = as_user("officer").post(
        f"/staff/department/{profile.pk}/edit/",
        edit_data(profile, map_url="javascript:alert(1)"),
    )
    assert response.status_code == 400
    profile.refresh_from_db()
    assert profile.map_url.startswith("https://www.openstreetmap.org/")
