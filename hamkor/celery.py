"""Celery application. Without ``REDIS_URL`` every task runs eagerly in the calling process."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamkor.settings")

app = Celery("hamkor")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
