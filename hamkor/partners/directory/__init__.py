"""The world directory: the public institution lists read, matched and loaded into the
institutions (``hamkor load-directory``).

- :mod:`.readers` reads the three lists and holds the text rules for names, hosts and cities;
- :mod:`.matching` merges their records into one directory (pure Python, no database);
- :mod:`.files` finds the lists in a folder or downloads them;
- :mod:`.load` writes the matched directory into institutions and QS ranking entries, with
  the fast bulk writes of :mod:`.bulk`.

What the command, the services, the demo data and the tests use is importable from here.
"""

from hamkor.partners.directory.files import (
    DEFAULT_SOURCES,
    ECHE_FILE,
    ECHE_PATTERN,
    QS_PATTERN,
    WORLD_FILE,
    DirectoryFileError,
    DirectoryFiles,
    directory_download,
    directory_match,
    directory_sources,
)
from hamkor.partners.directory.load import CHANGE_REASON, LoadSummary, directory_load
from hamkor.partners.directory.matching import (
    AmbiguousMatch,
    Candidate,
    DirectoryEntry,
    MatchCounts,
    MatchResult,
    Ranking,
    city_coordinates,
    match,
    match_files,
)
from hamkor.partners.directory.readers import (
    DirectoryRecord,
    SkippedRow,
    country_code,
    name_variants,
    normalise_name,
    parse_rank,
    read_eche,
    read_qs,
    read_world_list,
    website_host,
)

__all__ = [
    "CHANGE_REASON", "DEFAULT_SOURCES", "ECHE_FILE", "ECHE_PATTERN", "QS_PATTERN", "WORLD_FILE",
    "AmbiguousMatch", "Candidate", "DirectoryEntry", "DirectoryFileError", "DirectoryFiles",
    "DirectoryRecord", "LoadSummary", "MatchCounts", "MatchResult", "Ranking", "SkippedRow",
    "city_coordinates", "country_code", "directory_download", "directory_load",
    "directory_match", "directory_sources", "match", "match_files", "name_variants",
    "normalise_name", "parse_rank", "read_eche", "read_qs", "read_world_list", "website_host",
]  # fmt: skip
