"""WSGI entry point for gunicorn: ``gunicorn hamkor.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamkor.settings")
application = get_wsgi_application()
