"""How long certificates take: the PDF of one, and the bulk job for an event's participants.

Prints figures; asserts nothing. Runs on a throw-away SQLite database (or DATABASE_URL).
E-mail goes to Django's in-memory backend, so only the writing of the messages is timed.

    .venv/bin/python bench/certificates.py [participants]
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HAMKOR_VAR_DIR", tempfile.mkdtemp(prefix="hamkor-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamkor.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

PARTICIPANTS = int(sys.argv[1]) if len(sys.argv) > 1 else 100


def main() -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("migrate", verbosity=0)
    from django.contrib.auth.models import Group

    from hamkor.accounts.models import User
    from hamkor.accounts.roles import Role
    from hamkor.core.models import Job
    from hamkor.events.certificates import certificate_issue, certificate_pdf
    from hamkor.events.models import Event, Participant
    from hamkor.events.tasks import certificates_start

    officer = User.objects.create_user(email="bench-officer@example.org", password="x")
    officer.groups.add(*Group.objects.filter(name=Role.OFFICER))
    event = Event.objects.create(
        kind="conference",
        organisation="ours",
        format="hybrid",
        title_en="Bench conference",
        title_ru="Конференция",
        start=datetime.date(2025, 5, 5),
        end=datetime.date(2025, 5, 6),
    )
    Participant.objects.bulk_create(
        Participant(event=event, name=f"Участник {n}", email=f"p{n}@example.org", language="ru")
        for n in range(PARTICIPANTS)
    )
    first = certificate_issue(participant=Participant.objects.first(), actor=officer)
    certificate_pdf(first)  # fonts and templates loaded once
    started = time.perf_counter()
    for _ in range(10):
        certificate_pdf(first)
    one = (time.perf_counter() - started) / 10
    print(f"one certificate PDF: {one * 1000:.0f} ms")
    started = time.perf_counter()
    job = certificates_start(owner=officer, event_ids=[event.pk])
    took = time.perf_counter() - started
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, (job.status, job.reason)
    print(
        f"bulk job, {PARTICIPANTS} participants (issue, PDF, e-mail, zip): {took:.1f} s, "
        f"{took / PARTICIPANTS * 1000:.0f} ms each"
    )


if __name__ == "__main__":
    main()
