"""Copy the front-end files Hamkor serves from node_modules into hamkor/static/vendor.

Run by ``make vendor`` after ``npm ci``; the versions are pinned by package-lock.json and
nothing copied here is committed (hamkor/static/vendor is ignored by git).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules"
TARGET = ROOT / "hamkor" / "static" / "vendor"

# target folder -> files or folders under node_modules
FILES = {
    "bootstrap": [
        "bootstrap/dist/css/bootstrap.min.css",
        "bootstrap/dist/js/bootstrap.bundle.min.js",
    ],
    "bootstrap-icons": [
        "bootstrap-icons/font/bootstrap-icons.min.css",
        "bootstrap-icons/font/fonts",
    ],
    "htmx": ["htmx.org/dist/htmx.min.js"],
    "chartjs": ["chart.js/dist/chart.umd.min.js"],
    "jsvectormap": [
        "jsvectormap/dist/jsvectormap.min.js",
        "jsvectormap/dist/jsvectormap.min.css",
        "jsvectormap/dist/maps/world.js",
    ],
    "tom-select": [
        "tom-select/dist/js/tom-select.complete.min.js",
        "tom-select/dist/css/tom-select.bootstrap5.min.css",
    ],
    "axe-core": ["axe-core/axe.min.js"],
    "licenses": [],
}
LICENSES = [
    "bootstrap/LICENSE",
    "bootstrap-icons/LICENSE",
    "htmx.org/LICENSE",
    "chart.js/LICENSE.md",
    "jsvectormap/LICENSE",
    "tom-select/LICENSE",
    "axe-core/LICENSE",
]


def main() -> int:
    if not SOURCE.is_dir():
        print("node_modules is missing: run `npm ci` first", file=sys.stderr)
        return 1
    if TARGET.exists():
        shutil.rmtree(TARGET)
    for folder, paths in FILES.items():
        destination = TARGET / folder
        destination.mkdir(parents=True, exist_ok=True)
        for name in paths:
            source = SOURCE / name
            if source.is_dir():
                shutil.copytree(source, destination / source.name)
            else:
                shutil.copy2(source, destination / source.name)
    for name in LICENSES:
        source = SOURCE / name
        if source.exists():
            shutil.copy2(source, TARGET / "licenses" / f"{name.split('/')[0]}-{source.name}")
    (TARGET / ".stamp").write_text("vendored from package-lock.json\n")
    print(f"front-end libraries copied into {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
