"""The public website (language in the URL) and the staff page editing its profile."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render

from hamkor.core.views import generic
from hamkor.website.forms import DepartmentProfileForm
from hamkor.website.models import DepartmentProfile
from hamkor.website.selectors import department_profile_get


def home(request):
    profile = department_profile_get()
    return render(request, "website/home.html", {"profile": profile})


PROFILES = DepartmentProfile.objects.select_related("institution")


@login_required
def department_profile_current(request):
    """The menu's entry: the home university's profile, for who may read it."""
    if not request.user.has_perm("website.view_departmentprofile"):
        raise PermissionDenied
    profile = department_profile_get()
    if profile is None:
        raise Http404
    return redirect(profile)


class DepartmentProfileDetailView(generic.ObjectDetailView):
    queryset = PROFILES


class DepartmentProfileEditView(generic.ObjectEditView):
    queryset = PROFILES
    form_class = DepartmentProfileForm


class DepartmentProfileHistoryView(generic.ObjectHistoryView):
    queryset = PROFILES
