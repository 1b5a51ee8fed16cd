"""Hamkor: the information system of a university's Department of International Cooperation."""

from hamkor.celery import app as celery_app

__all__ = ["celery_app"]
