"""The lists of the world directory: where they come from, reading them, downloading them.

``hamkor load-directory --from DIR`` reads the files in DIR; without ``--from`` they are
fetched by :func:`directory_download` from :func:`directory_sources` into ``var/directory/``.
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from openpyxl.utils.exceptions import InvalidFileException

from hamkor.partners.directory.matching import MatchResult, match
from hamkor.partners.directory.readers import SkippedRow, read_eche, read_qs, read_world_list

WORLD_FILE = "world_universities_and_domains.json"
ECHE_PATTERN = "eche_accredited_heis_*"
QS_PATTERN = "qs_world_university_rankings_*.csv"
ECHE_FILE = "eche_accredited_heis_2021-2027.xlsx"  # the name a download is saved under
# Public sources, file name → URL; ``settings.HAMKOR_DIRECTORY_SOURCES`` overrides any of them.
# The Commission publishes the ECHE list as an .xlsx on erasmus-plus.ec.europa.eu under a file
# name that changes with every edition (the European University Foundation mirrors each one in
# github.com/EuropeanUniversityFoundation/eche-api, data/), so no default can stay right: set
# its URL in HAMKOR_DIRECTORY_SOURCES (under a name ending in .csv for a CSV conversion), or
# the ECHE list is left out of a download.
DEFAULT_SOURCES: dict[str, str | None] = {
    WORLD_FILE: "https://raw.githubusercontent.com/Hipo/university-domains-list/master/"
    "world_universities_and_domains.json",
    ECHE_FILE: None,
    "qs_world_university_rankings_2027.csv": "https://raw.githubusercontent.com/reshmaharidhas/"
    "Data-Analysis-of-QS-World-University-Rankings-2027/main/data/"
    "cleaned_qs_world_rankings_2027.csv",
}
DOWNLOAD_TIMEOUT = 60.0

# What reading a wrong or damaged file raises: OSError, ValueError (bad JSON, bad encoding),
# KeyError/TypeError/AttributeError (JSON of another shape), and the csv, zip and openpyxl errors.
UNREADABLE = (
    OSError, ValueError, KeyError, TypeError, AttributeError, csv.Error, zipfile.BadZipFile,
    InvalidFileException,
)  # fmt: skip


class DirectoryFileError(Exception):
    """A list is missing, cannot be read or cannot be downloaded; the message names it."""


@dataclass(slots=True, frozen=True)
class DirectoryFiles:
    """The files of one load; ``eche`` is None when the ECHE list is left out."""

    world: Path
    eche: Path | None
    qs: Path
    year: int


def directory_match(*, files: DirectoryFiles) -> MatchResult:
    """Read the lists (each fully, so that an error names its file) and match them."""
    skipped: list[SkippedRow] = []
    lists = []
    for reader, path in ((read_world_list, files.world), (read_eche, files.eche),
                         (read_qs, files.qs)):  # fmt: skip
        if path is None:
            lists.append([])
            continue
        try:
            records = list(reader(path, skipped=skipped))
        except UNREADABLE as exc:
            raise DirectoryFileError(f"{path}: cannot be read ({exc})") from exc
        if not records:
            raise DirectoryFileError(f"{path}: no usable rows (is it the right file?)")
        lists.append(records)
    return match(*lists, skipped=skipped)


def directory_sources() -> dict[str, str | None]:
    """File name → URL of each list: the defaults, overridden by HAMKOR_DIRECTORY_SOURCES."""
    return {**DEFAULT_SOURCES, **getattr(settings, "HAMKOR_DIRECTORY_SOURCES", {})}


def directory_download(
    *, target: Path, sources: dict[str, str | None], timeout: float = DOWNLOAD_TIMEOUT
) -> dict[str, Path]:
    """Download each source with a URL into ``target`` under its file name; sources without
    a URL are left out. A file is written under a temporary name and renamed when complete,
    so an interrupted download never leaves a truncated list behind."""
    target.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, url in sources.items():
        if not url:
            continue
        if urlsplit(url).scheme not in ("http", "https"):
            raise DirectoryFileError(f"{url}: only http and https addresses are downloaded")
        request = urllib.request.Request(url, headers={"User-Agent": "hamkor load-directory"})
        handle, part = tempfile.mkstemp(dir=target, prefix=f".{name}.", suffix=".part")
        try:
            with (
                os.fdopen(handle, "wb") as out,
                urllib.request.urlopen(request, timeout=timeout) as response,
            ):
                shutil.copyfileobj(response, out)
            os.replace(part, target / name)
        except (OSError, ValueError) as exc:  # URLError and HTTPError are OSErrors
            Path(part).unlink(missing_ok=True)
            raise DirectoryFileError(f"{url}: download failed ({exc})") from exc
        paths[name] = target / name
    return paths
