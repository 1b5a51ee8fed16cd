"""The official EWP schemas and examples for the tests: ``HAMKOR_EWP_SCHEMAS``, else
``../shared/ewp`` beside the repository (development, CI); tests that need them skip
without."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hamkor.partners.tests.factories import HomeInstitutionFactory


def shared_ewp_dir() -> Path | None:
    configured = os.environ.get("HAMKOR_EWP_SCHEMAS")
    path = (
        Path(configured)
        if configured
        else Path(__file__).resolve().parents[3].parent / "shared" / "ewp"
    )
    return path if (path / "ewp-specs-api-iias").is_dir() else None


EWP_DIR = shared_ewp_dir()
NO_SCHEMAS = "the official EWP schemas (../shared/ewp or HAMKOR_EWP_SCHEMAS) are not here"


@pytest.fixture
def ewp_dir(settings) -> Path:
    if EWP_DIR is None:
        pytest.skip(NO_SCHEMAS)
    settings.HAMKOR_EWP_SCHEMAS = str(EWP_DIR)
    return EWP_DIR


def v7_examples() -> list[str]:
    """The official IIAs v7 get responses that state their iia-hash (relative paths)."""
    if EWP_DIR is None:
        return []
    namespace = b"ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd"
    return sorted(
        str(path.relative_to(EWP_DIR))
        for path in (EWP_DIR / "ewp-specs-api-iias").rglob("*.xml")
        if namespace in path.read_bytes() and b"<iia-hash>" in path.read_bytes()
    )


def home_as(schac_code: str):
    """The home university, known to EWP by ``schac_code``."""
    home = HomeInstitutionFactory()
    home.schac_code = schac_code
    home.save(update_fields=["schac_code"])
    return home
