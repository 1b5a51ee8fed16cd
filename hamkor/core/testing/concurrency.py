"""Two real database connections racing for one thing (PostgreSQL only).

``race(first, second)`` runs ``first`` in a thread and holds its transaction open once it
has done its work, starts ``second`` in another thread, waits until PostgreSQL shows a
connection waiting for a lock (a condition, never a fixed time), then lets ``first``
commit. Each callable's outcome ("done" or the messages of its ``ValidationError``) is
returned in order.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import connections, transaction

TIMEOUT = 30


def waiting_for_a_lock() -> bool:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
        return cursor.fetchone()[0] > 0


def race(first: Callable[[], object], second: Callable[[], object]) -> tuple[str, str]:
    done, release = threading.Event(), threading.Event()
    outcomes: dict[str, str] = {}

    def run(name: str, work: Callable[[], object], hold: bool) -> None:
        try:
            with transaction.atomic():
                work()
                if hold:  # the first one's transaction stays open, its work unseen
                    done.set()
                    release.wait(TIMEOUT)
            outcomes[name] = "done"
        except ValidationError as exc:
            outcomes[name] = " ".join(exc.messages)
        finally:
            done.set()
            connections.close_all()

    one = threading.Thread(target=run, args=("first", first, True))
    one.start()
    assert done.wait(TIMEOUT)
    two = threading.Thread(target=run, args=("second", second, False))
    two.start()
    deadline = time.monotonic() + TIMEOUT
    while two.is_alive() and not waiting_for_a_lock() and time.monotonic() < deadline:
        time.sleep(0.05)
    release.set()
    one.join(TIMEOUT)
    two.join(TIMEOUT)
    return outcomes["first"], outcomes["second"]
