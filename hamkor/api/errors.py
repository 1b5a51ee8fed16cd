"""The API's errors, all JSON: a service's refusal is a 400, a stale version a 409.

DRF answers its own exceptions (401, 403, 404, 405, a bad filter's 400); a Django
``ValidationError`` that a service raises outside a viewset's own handling would otherwise be
a 500.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from hamkor.core.api.viewsets import refusal
from hamkor.core.services import StaleObjectError


def exception_handler(exc, context):
    if isinstance(exc, StaleObjectError):
        return Response({"detail": exc.messages}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, ValidationError):
        return Response(refusal(exc), status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
