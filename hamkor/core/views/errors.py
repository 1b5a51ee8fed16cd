"""Error pages rendered with the project's layout and in the user's language."""

import sys

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from hamkor.core import faults


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # PostgreSQL or Redis out of reach: "temporarily unavailable" (503), not an error of ours.
    if faults.is_outage(sys.exc_info()[1]):
        return faults.unavailable_response(request)
    # Plain template, no context processors: the failure may be in them.
    return HttpResponseServerError(loader.get_template("500.html").render())


def method_not_allowed(request):
    return render(request, "405.html", status=405)
