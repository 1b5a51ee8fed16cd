"""Demo retention run: the office looked at what the personal-data rules would remove (a dry
run: nothing is deleted from the demo, whose older records would otherwise lose passports)."""

from __future__ import annotations

from hamkor.accounts.models import User
from hamkor.privacy.models import RetentionRun
from hamkor.privacy.retention import retention_apply

ADMIN = "admin@hamkor.demo"


def load(stdout) -> None:
    if not RetentionRun.objects.exists():
        retention_apply(dry_run=True, actor=User.objects.get(email=ADMIN))
    stdout.write(f"retention runs: {RetentionRun.objects.count()} (dry run)")
