"""How fast a password is looked up in a sorted Have I Been Pwned file, by bisection.

Prints figures; asserts nothing. Writes a synthetic file of random ``SHA1:COUNT`` lines
(``--lines``, default 2 000 000, about 90 MB) in a temporary folder, then looks up
passwords that are in it and passwords that are not:

    .venv/bin/python bench/breached_passwords.py [--lines N] [--lookups N]

The real file has about 900 million lines (40 GB): bisection needs ~30 line reads for it
against ~21 here, so a lookup there costs about half as much again (more if the disk cache
is cold).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hamkor.accounts.passwords import breached_count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=2_000_000)
    parser.add_argument("--lookups", type=int, default=2000)
    args = parser.parse_args()
    listed = [f"leaked-{n}" for n in range(args.lookups // 2)]
    hashes = {hashlib.sha1(p.encode()).hexdigest().upper() for p in listed}
    hashes |= {os.urandom(20).hex().upper() for _ in range(args.lines - len(hashes))}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pwned.txt"
        started = time.perf_counter()
        with open(path, "w") as handle:
            handle.writelines(f"{h}:{n % 97 + 1}\r\n" for n, h in enumerate(sorted(hashes)))
        print(
            f"file: {len(hashes):,} lines, {path.stat().st_size / 1e6:.0f} MB, written in "
            f"{time.perf_counter() - started:.1f} s"
        )
        for label, passwords in (
            ("listed", listed),
            ("not listed", [f"fine-{n}" for n in range(args.lookups // 2)]),
        ):
            times = []
            found = 0
            for password in passwords:
                started = time.perf_counter()
                found += bool(breached_count(str(path), password))
                times.append(time.perf_counter() - started)
            times.sort()
            print(
                f"{label}: {len(passwords)} lookups, {found} found, median "
                f"{statistics.median(times) * 1e6:.0f} µs, p99 "
                f"{times[int(len(times) * 0.99)] * 1e6:.0f} µs"
            )


if __name__ == "__main__":
    main()
