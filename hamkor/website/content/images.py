"""Pictures uploaded for the public site: checked, resized and re-encoded without metadata.

A file is accepted only when Pillow reads it as a JPEG, PNG or WebP picture, whatever its
name says (an SVG, which can carry script, is refused). Its pixel count is checked from
the header before anything is decoded, so a small file that would unpack into gigabytes
(a decompression bomb) is refused without being unpacked. The picture is then turned to
its EXIF orientation, narrowed to ``MAX_WIDTH`` and written anew: nothing of the original
file's metadata (EXIF with the camera's GPS position, comments, text chunks) is kept.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # e.g. 8000 × 5000: more than any camera the office uses
MAX_WIDTH = 1600
FORMATS = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp"}
CONTENT_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
QUALITY = 85


@dataclass(frozen=True)
class PreparedImage:
    content: bytes
    format: str  # "jpeg", "png" or "webp"
    width: int
    height: int


def _refuse(message: str) -> ValidationError:
    return ValidationError({"upload": message}, code="invalid_image")


def image_prepare(upload) -> PreparedImage:
    """The picture of ``upload`` ready to publish, or a ValidationError saying why not."""
    if upload.size > MAX_BYTES:
        raise _refuse(
            _("The picture is larger than %(size)s MB: make it smaller and upload it again.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    data = upload.read()
    try:
        with warnings.catch_warnings():
            # Pillow warns of a large picture before refusing a huge one: both are refused.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = FORMATS.get(probe.format or "")
                if kind is None:
                    raise _refuse(_("Only JPEG, PNG and WebP pictures can be uploaded."))
                _check_pixels(*probe.size)
                probe.verify()  # the whole file is a sound picture, not a header only
            with Image.open(io.BytesIO(data)) as opened, _truncated_refused():
                opened.load()
                picture = ImageOps.exif_transpose(opened)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except UnidentifiedImageError:
        raise _refuse(_("This file is not a picture (JPEG, PNG or WebP).")) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise _refuse(_("The picture is damaged and cannot be read.")) from exc
    return _encode(picture, kind)


@contextlib.contextmanager
def _truncated_refused():
    """Read a cut-off file as the error it is. WeasyPrint, once imported, tells Pillow to
    fill a truncated picture with grey for the whole process; a picture for the site must
    be whole, so the setting is turned off while one is read."""
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _check_pixels(width: int, height: int) -> None:
    if width * height > MAX_PIXELS:
        raise _too_many_pixels()


def _too_many_pixels() -> ValidationError:
    return _refuse(
        _("The picture has too many pixels (at most %(megapixels)s million).")
        % {"megapixels": MAX_PIXELS // 1_000_000}
    )


def _encode(picture: Image.Image, kind: str) -> PreparedImage:
    """Write ``picture`` anew in its format: narrowed, without the original's metadata."""
    keeps_alpha = kind in ("png", "webp") and (
        picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    )
    picture = picture.convert("RGBA" if keeps_alpha else "RGB")
    if picture.width > MAX_WIDTH:
        height = max(1, round(picture.height * MAX_WIDTH / picture.width))
        picture = picture.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
    # Only what is passed to save() is written: no exif, icc_profile or text chunks.
    picture.info = {}
    out = io.BytesIO()
    if kind == "jpeg":
        picture.save(out, "JPEG", quality=QUALITY, optimize=True)
    elif kind == "png":
        picture.save(out, "PNG", optimize=True)
    else:
        picture.save(out, "WEBP", quality=QUALITY)
    return PreparedImage(
        content=out.getvalue(), format=kind, width=picture.width, height=picture.height
    )
