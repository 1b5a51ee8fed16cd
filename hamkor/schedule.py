"""The periodic tasks Celery beat starts (``CELERY_BEAT_SCHEDULE``), in office time
(``CELERY_TIMEZONE``, Asia/Tashkent). Exactly one beat runs in an installation
(docs/deployment.md); without Celery, cron runs the same commands."""

from __future__ import annotations

from celery.schedules import crontab

BEAT_SCHEDULE = {
    # Every app's daily job (expiry of agreements, renewal reminders, guests' registrations
    # and visas, trip reports) at 07:00 office time, before the office opens.
    "daily-reminders": {
        "task": "hamkor.core.tasks.daily_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    # The Central Bank of Uzbekistan's rates, each morning (Asia/Tashkent) once published.
    "cbu-rates": {
        "task": "hamkor.grants.tasks.rates_fetch",
        "schedule": crontab(hour=9, minute=30),
    },
    # One archive of every record and file each night, the newest HAMKOR_BACKUP_KEEP kept.
    "nightly-backup": {
        "task": "hamkor.core.tasks.nightly_backup",
        "schedule": crontab(hour=2, minute=0),
    },
    # Security events older than HAMKOR_SECURITY_LOG_DAYS deleted (docs/security-log.md).
    "security-log-prune": {
        "task": "hamkor.security.tasks.security_log_prune",
        "schedule": crontab(hour=3, minute=0),
    },
    # HEMIS's staff and students into the registry, at night (nothing without HEMIS_BASE_URL).
    "hemis-sync": {
        "task": "hamkor.hemis.tasks.hemis_sync_nightly",
        "schedule": crontab(hour=2, minute=30),
    },
    # The personal-data register's retention rules (docs/privacy.md), after the backup.
    "privacy-retention": {
        "task": "hamkor.privacy.tasks.retention_nightly",
        "schedule": crontab(hour=3, minute=0),
    },
}
