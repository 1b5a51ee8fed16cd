"""``hamkor annual-report YEAR --lang uz --out FILE.pdf|.xlsx [--faculty CODE]``: the annual
report written to a file, as the staff page's job writes it.

The file's extension chooses the format. A bad year, an unknown language or faculty, another
extension or a path that cannot be written exits with status 2 and one line.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from hamkor.core.management.base import BAD_INPUT, ScriptCommand
from hamkor.reports.achievements import PeriodError, faculty_by_code
from hamkor.reports.annual import LANGUAGES, ReportError, annual_report, year_checked
from hamkor.reports.annual_files import report_pdf, report_xlsx

EXTENSIONS = (".pdf", ".xlsx")


def _refuse(message: str) -> CommandError:
    return CommandError(message, returncode=BAD_INPUT)


class Command(ScriptCommand):
    help = "Write the annual report of a year to a PDF or XLSX file."

    def add_arguments(self, parser):
        parser.add_argument("year", help="The calendar year, e.g. 2025.")
        parser.add_argument("--lang", default="uz", help=f"One of: {', '.join(LANGUAGES)}.")
        parser.add_argument("--out", required=True, metavar="FILE", help="A .pdf or .xlsx file.")
        parser.add_argument("--faculty", metavar="CODE", help="Only this faculty's records.")

    def handle(self, *args, **options):
        try:
            year = year_checked(options["year"])
        except ReportError as exc:
            raise _refuse(f"{exc} ({options['year']})") from exc
        language = options["lang"]
        if language not in LANGUAGES:
            raise _refuse(f"Unknown language “{language}”; choose one of: {', '.join(LANGUAGES)}.")
        out = Path(options["out"])
        if out.suffix.lower() not in EXTENSIONS:
            raise _refuse(f"The file must end in .pdf or .xlsx: {out}")
        faculty = None
        if options["faculty"]:
            try:
                faculty = faculty_by_code(options["faculty"])
            except PeriodError as exc:
                raise _refuse(str(exc)) from exc
        try:
            handle = out.open("wb")
        except OSError as exc:
            raise _refuse(f"Cannot write {out}: {exc.strerror or exc}") from exc
        with handle:
            report = annual_report(year=year, language=language, faculty=faculty)
            if out.suffix.lower() == ".pdf":
                handle.write(report_pdf(report))
            else:
                with report_xlsx(report) as workbook:
                    handle.write(workbook.read())
        self.stdout.write(str(out))
