"""``hamkor load-directory``: load the world list of universities, the EU list of Erasmus+
charter holders (ECHE) and the QS World University Rankings into the institutions.

``--from DIR`` reads the files in DIR; without it they are downloaded from their public
sources (``HAMKOR_DIRECTORY_SOURCES``, see :mod:`hamkor.partners.directory.files`) into
``var/directory/`` first. The ECHE list's address changes with every edition and has no
default: until it is set, a download loads the other two lists. Running the command again
updates the institutions without duplicating them.
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hamkor.partners.directory import (
    ECHE_PATTERN,
    QS_PATTERN,
    WORLD_FILE,
    AmbiguousMatch,
    DirectoryFileError,
    DirectoryFiles,
    LoadSummary,
    MatchResult,
    SkippedRow,
    directory_download,
    directory_load,
    directory_match,
    directory_sources,
)

SKIPPED_SHOWN = 20
QS_NAME = re.compile(r"qs_world_university_rankings_(\d{4})\.csv")  # QS_PATTERN, with the year
LISTS = {"world": "world list", "eche": "ECHE list", "qs": "QS ranking"}


class Command(BaseCommand):
    help = (
        "Load the world list of universities, the Erasmus+ charter holders and the QS World "
        "University Rankings into the institutions; running it again updates them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--from", dest="folder", type=Path, metavar="DIR",
            help="Read the lists from DIR instead of downloading them into var/directory/.",
        )  # fmt: skip
        parser.add_argument(
            "--year", type=int,
            help="QS edition to load (default: the newest, by the year in the file name).",
        )  # fmt: skip
        parser.add_argument(
            "--ambiguous-file", type=Path, metavar="PATH",
            help="Where to write the ambiguous matches (default var/directory/ambiguous.csv).",
        )  # fmt: skip

    def handle(self, *args, folder, year, ambiguous_file, verbosity, **options):
        started = time.perf_counter()
        work = Path(settings.VAR_DIR) / "directory"
        try:
            if folder is None:
                files = self.download(work, year)
            elif not folder.is_dir():
                raise DirectoryFileError(f"{folder}: no such directory")
            else:
                files = pick_files(list(folder.iterdir()), folder=folder, year=year)
            read = time.perf_counter()
            result = directory_match(files=files)
        except DirectoryFileError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Read and matched the lists in {time.perf_counter() - read:.1f} s: "
            + ", ".join(f"{name} {path.name}" for name, path in self.named(files))
        )
        progress = (lambda line: self.stdout.write(f"  {line}")) if verbosity > 1 else None
        summary = directory_load(result=result, year=files.year, progress=progress)
        ambiguous_path = ambiguous_file or work / "ambiguous.csv"
        write_ambiguous(path=ambiguous_path, ambiguous=[*result.ambiguous, *summary.ambiguities])
        skipped_path = work / "skipped.csv"
        write_skipped(path=skipped_path, skipped=summary.skipped)
        self.report(result, summary, files, ambiguous_path, skipped_path)
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {time.perf_counter() - started:.1f} s (database {summary.seconds:.1f} s)."
            )
        )

    def download(self, work: Path, year: int | None) -> DirectoryFiles:
        """Download the lists with an address; the files found are those just downloaded,
        never older ones lying in ``work``."""
        sources = directory_sources()
        eche = any(url for name, url in sources.items() if fnmatch(name, ECHE_PATTERN))
        if not eche:
            self.stderr.write(
                self.style.WARNING(
                    "The ECHE list is not downloaded: its address is not set (an "
                    f"{ECHE_PATTERN}.xlsx entry of the HAMKOR_DIRECTORY_SOURCES setting). "
                    "Loading the other two lists."
                )
            )
        self.stdout.write(f"Downloading the lists into {work} …")
        paths = directory_download(target=work, sources=sources)
        return pick_files(list(paths.values()), folder=work, year=year, eche=eche)

    def named(self, files: DirectoryFiles) -> list[tuple[str, Path]]:
        paths = (files.world, files.eche, files.qs)
        return [(label, path) for label, path in zip(LISTS.values(), paths, strict=True) if path]

    def report(
        self,
        result: MatchResult,
        summary: LoadSummary,
        files: DirectoryFiles,
        ambiguous_path: Path,
        skipped_path: Path,
    ) -> None:
        counts = result.counts
        write = self.stdout.write
        write(
            "Loaded: "
            + ", ".join(f"{LISTS[source]} {number:,}" for source, number in counts.loaded.items())
        )
        methods = ", ".join(f"{how} {number:,}" for how, number in counts.by_method.items())
        write(
            "Matched: "
            + ", ".join(f"{pair} {number:,}" for pair, number in counts.matched.items())
            + f" (by {methods})"
        )
        found = ", ".join(f"{how} {number:,}" for how, number in summary.found_by.items())
        write(
            f"Institutions: {summary.created:,} created, {summary.updated:,} updated, "
            f"{summary.unchanged:,} unchanged (existing ones found by {found}; "
            f"{summary.unlisted:,} from an earlier load no longer listed, kept)"
        )
        write(
            f"QS {files.year} ranking entries: {summary.rankings_created:,} created, "
            f"{summary.rankings_updated:,} updated, {summary.rankings_unchanged:,} unchanged"
        )
        write(f"Ambiguous: {summary.ambiguous:,}, for review in {ambiguous_path}")
        write(f"Skipped: {len(summary.skipped):,}, all in {skipped_path}")
        for item in summary.skipped[:SKIPPED_SHOWN]:
            where = f"{item.source} row {item.row}" if item.row else item.source
            write(f"  {where}: {item.name!r}: {item.reason}")
        if len(summary.skipped) > SKIPPED_SHOWN:
            write(f"  … and {len(summary.skipped) - SKIPPED_SHOWN:,} more")


def pick_files(
    paths: list[Path], *, folder: Path, year: int | None = None, eche: bool = True
) -> DirectoryFiles:
    """The lists among ``paths`` (files of ``folder``), by name: the world list; the newest
    ECHE list by name (a .csv before an .xlsx of the same name); the QS file of ``year``, else
    the newest, whose year is then taken from its name. ``eche=False`` leaves ECHE out."""
    names = {path.name: path for path in paths}
    if WORLD_FILE not in names:
        raise DirectoryFileError(f"{folder / WORLD_FILE}: file not found")
    eche_path = None
    if eche:
        found = [
            path for name, path in names.items()
            if fnmatch(name, ECHE_PATTERN) and path.suffix.lower() in (".csv", ".xlsx")
        ]  # fmt: skip
        if not found:
            raise DirectoryFileError(f"{folder / ECHE_PATTERN}.csv (or .xlsx): file not found")
        eche_path = max(found, key=lambda path: (path.stem, path.suffix.lower() == ".csv"))
    ranked = {
        int(edition[1]): path
        for name, path in names.items()
        if (edition := QS_NAME.fullmatch(name))
    }
    edition = year if year is not None else max(ranked, default=None)
    if edition not in ranked:
        raise DirectoryFileError(
            f"{folder / QS_PATTERN.replace('*', str(year or '*'))}: file not found"
        )
    return DirectoryFiles(names[WORLD_FILE], eche_path, ranked[edition], edition)


def write_ambiguous(*, path: Path, ambiguous: Iterable[AmbiguousMatch]) -> int:
    """Write ambiguities for review, a row each with up to three candidates and their scores."""
    path.parent.mkdir(parents=True, exist_ok=True)
    header = ["source", "record", "name", "country", "method", "note"]
    for number in range(1, 4):
        header += [f"candidate_{number}", f"candidate_{number}_name", f"candidate_{number}_score"]
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for item in ambiguous:
            row = [item.source, item.record_id, item.name, item.country, item.method, item.note]
            for candidate in item.candidates[:3]:
                row += [candidate.key, candidate.name, f"{candidate.score:.1f}"]
            writer.writerow(row)
            count += 1
    return count


def write_skipped(*, path: Path, skipped: Iterable[SkippedRow]) -> None:
    """Write the skipped rows with their reasons (the loader's own have no row number)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["source", "row", "name", "reason"])
        for item in skipped:
            writer.writerow([item.source, item.row or "", item.name, item.reason])
