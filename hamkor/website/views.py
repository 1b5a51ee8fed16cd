"""The public website (language in the URL) and the staff page editing its profile."""

from django.shortcuts import render

from hamkor.core.views import generic
from hamkor.website.forms import DepartmentProfileForm
from hamkor.website.models import DepartmentProfile
from hamkor.website.selectors import department_profile_get


def home(request):
    profile = department_profile_get()
    return render(request, "website/home.html", {"profile": profile})


PROFILES = DepartmentProfile.objects.select_related("institution")


class DepartmentProfileDetailView(generic.ObjectDetailView):
    queryset = PROFILES


class DepartmentProfileEditView(generic.ObjectEditView):
    queryset = PROFILES
    form_class = DepartmentProfileForm


class DepartmentProfileHistoryView(generic.ObjectHistoryView):
    queryset = PROFILES
