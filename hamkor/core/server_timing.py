"""``Server-Timing`` for benchmarks: a request's time, its database time and its queries,
read from outside the process (``bench/run``). Off unless ``HAMKOR_SERVER_TIMING`` is on.

Queries are counted with ``connection.execute_wrapper``, which sees every statement the
request sends, with ``DEBUG`` off (production settings), and costs a clock read per query.
See docs/decisions/0023-measuring-server-time.md.
"""

from __future__ import annotations

import time
from contextlib import ExitStack

from django.conf import settings
from django.db import connections


class QueryTally:
    """An ``execute_wrapper``: counts the statements sent and adds up their time."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


def header_value(*, total: float, db: float, queries: int) -> str:
    """``total`` and ``db`` in seconds; the header gives milliseconds, as the standard does."""
    return f'total;dur={total * 1000:.1f}, db;dur={db * 1000:.1f}, queries;desc="{queries}"'


class ServerTimingMiddleware:
    """Outermost, so that the time covers every other layer (session, user, permissions).

    A streamed response's body is produced after this layer returns: its header covers the
    work up to the first byte only. Not for production use: the header tells anyone how long
    the database took, which helps timing attacks; hence off by default.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.HAMKOR_SERVER_TIMING:
            return self.get_response(request)
        tally = QueryTally()
        start = time.perf_counter()
        with ExitStack() as stack:
            for connection in connections.all():  # a wrapper object each, no connection opened
                stack.enter_context(connection.execute_wrapper(tally))
            response = self.get_response(request)
        response["Server-Timing"] = header_value(
            total=time.perf_counter() - start, db=tally.seconds, queries=tally.count
        )
        return response
