"""``hamkor ewp``: validate, hash, import and export, with the exit codes scripts rely on."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hamkor.agreements.models import Agreement
from hamkor.ewp import schemas
from hamkor.ewp.tests.conftest import home_as
from hamkor.ewp.tests.test_bad_input import BILLION_LAUGHS

EXAMPLE = "ewp-specs-api-iias/endpoints/get-response-example.xml"


def test_validate_prints_valid_and_exits_0(ewp_dir, capsys):
    call_command(
        "ewp", "validate", str(ewp_dir / "ewp-specs-api-institutions/response-example.xml")
    )
    assert capsys.readouterr().out.strip().endswith(": valid")


def test_validate_prints_errors_with_lines_and_exits_1(ewp_dir, tmp_path, capsys):
    bad = tmp_path / "bad.xml"
    bad.write_bytes((ewp_dir / EXAMPLE).read_bytes().replace(b"<blended>false", b"<blended>no"))
    with pytest.raises(CommandError) as refused:
        call_command("ewp", "validate", str(bad))
    assert refused.value.returncode == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{bad}:72: “no” is not a valid value for “blended”.",
        f"{bad}:93: “no” is not a valid value for “blended”.",
    ]


def test_validate_refuses_a_bomb(ewp_dir, tmp_path, capsys):
    bomb = tmp_path / "bomb.xml"
    bomb.write_bytes(BILLION_LAUGHS)
    with pytest.raises(CommandError) as refused:
        call_command("ewp", "validate", str(bomb))
    assert refused.value.returncode == 1
    assert "Document type declarations" in capsys.readouterr().out


def test_hash_prints_one_line_per_iia(ewp_dir, capsys):
    call_command("ewp", "hash", str(ewp_dir / EXAMPLE))
    assert capsys.readouterr().out.splitlines() == [
        "0f7a5682-faf7-49a7-9cc7-ec486c49a281 "
        "e950faa83a799cf45839e7915db88ed51575babe7845c1219dfde54ce30a61e4"
    ]


@pytest.mark.django_db
def test_import_dry_run_writes_nothing_then_import_and_export(ewp_dir, tmp_path, capsys):
    home_as("hibo.no")
    call_command("ewp", "import", str(ewp_dir / EXAMPLE), "--dry-run", "--create-institutions")
    out = capsys.readouterr().out
    assert "unknown institution uw.edu.pl" in out and "dry run: nothing written" in out
    assert out.count("  + ") == 5 + 2  # the conditions, the two contacts
    assert not Agreement.objects.exists()

    with pytest.raises(CommandError, match="not imported"):
        call_command("ewp", "import", str(ewp_dir / EXAMPLE))  # unknown institution
    assert not Agreement.objects.exists()

    call_command("ewp", "import", str(ewp_dir / EXAMPLE), "--create-institutions")
    agreement = Agreement.objects.get()
    assert agreement.status == Agreement.Status.DRAFT  # our signing date is not in the file

    call_command("ewp", "export", "iias", "--out", str(tmp_path / "out"))
    (written,) = (tmp_path / "out").iterdir()
    assert written.name == "1954991.xml"  # our iia-id, as the partner knows it
    schemas.validate(written.read_bytes(), schemas.IIAS_GET)
