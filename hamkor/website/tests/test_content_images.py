"""Pictures uploaded for the site: only real JPEG, PNG and WebP pictures of a sane size,
narrowed and written anew without their metadata."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from hamkor.website.content.images import MAX_WIDTH, image_prepare
from hamkor.website.content.models import SiteImage
from hamkor.website.tests.content_factories import picture_upload

GPS_IFD = 0x8825


def refusal(upload) -> str:
    with pytest.raises(ValidationError) as caught:
        image_prepare(upload)
    return " ".join(caught.value.message_dict["upload"])


def test_a_text_file_named_like_a_picture_is_refused():
    fake = SimpleUploadedFile("photo.jpg", b"This is not a picture at all.\n" * 10)
    assert "not a picture" in refusal(fake)


def test_an_svg_is_refused_even_when_named_png():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert "not a picture" in refusal(SimpleUploadedFile("logo.png", svg))
    assert "not a picture" in refusal(SimpleUploadedFile("logo.svg", svg))


def test_a_gif_is_refused():
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "GIF")
    assert "Only JPEG, PNG and WebP" in refusal(SimpleUploadedFile("a.gif", out.getvalue()))


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels (a decompression bomb:
    a few bytes that would unpack into gigabytes)."""
    out = io.BytesIO()
    Image.new("1", (1, 1)).save(out, "PNG")
    data = bytearray(out.getvalue())
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 17]))
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


@pytest.mark.parametrize("side", [8_000, 60_000])
def test_a_decompression_bomb_is_refused_without_being_unpacked(side):
    bomb = SimpleUploadedFile("bomb.png", _png_claiming(side, side))
    assert len(bomb) < 200
    assert "too many pixels" in refusal(bomb)


def test_a_truncated_picture_is_refused():
    noise = Image.frombytes("RGB", (200, 200), bytes(range(256)) * 468 + bytes(192))
    out = io.BytesIO()
    noise.save(out, "JPEG")
    whole = out.getvalue()
    assert "damaged" in refusal(SimpleUploadedFile("cut.jpg", whole[: len(whole) // 2]))


def test_an_oversized_file_is_refused_before_it_is_read():
    big = SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * (11 * 1024 * 1024))
    assert "larger than 10 MB" in refusal(big)


def test_gps_position_and_camera_data_are_stripped():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x0110] = "Model X"
    exif[GPS_IFD] = {1: "N", 2: (40.0, 31.0, 43.0), 3: "E", 4: (70.0, 56.0, 33.0)}
    upload = picture_upload(120, 80, "JPEG", name="trip.jpg", exif=exif.tobytes())
    with Image.open(io.BytesIO(upload.read())) as original:
        assert original.getexif().get_ifd(GPS_IFD), "the test picture carries a GPS position"
    upload.seek(0)

    prepared = image_prepare(upload)

    with Image.open(io.BytesIO(prepared.content)) as cleaned:
        assert cleaned.format == "JPEG"
        assert not cleaned.getexif()
        assert "exif" not in cleaned.info
    assert b"PhoneMaker" not in prepared.content


def test_a_wide_picture_is_narrowed_keeping_its_proportions():
    prepared = image_prepare(picture_upload(3200, 1000, "WEBP", name="wide.webp"))
    assert (prepared.format, prepared.width, prepared.height) == ("webp", MAX_WIDTH, 500)


def test_an_upload_from_the_staff_page_is_stored_and_served(as_user, client):
    response = as_user("officer").post(
        "/staff/site-images/add/",
        {"alt_uz": "Bosh bino", "alt_en": "The main building", "upload": picture_upload()},
    )
    image = SiteImage.objects.get()
    assert response.status_code == 302
    assert (image.format, image.width, image.height) == ("png", 40, 30)
    served = client.get(image.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content).startswith(b"\x89PNG")


def test_a_refused_upload_is_told_on_the_form_in_the_users_language(as_user):
    fake = SimpleUploadedFile("photo.jpg", b"<svg/>")
    response = as_user("officer").post(
        "/staff/site-images/add/", {"alt_uz": "Rasm", "upload": fake}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert "This file is not a picture" in response.text
    assert not SiteImage.objects.exists()


def test_an_unknown_picture_is_not_found(client, db):
    assert client.get("/site/images/" + "b" * 32 + ".png").status_code == 404


def test_a_malformed_picture_address_is_not_found(client, db):
    assert client.get("/site/images/" + "z" * 32 + ".png").status_code == 404
    assert client.get("/site/images/nothing").status_code == 404
