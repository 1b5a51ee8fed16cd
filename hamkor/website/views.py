"""The public website (language in the URL) and the staff page editing its profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from hamkor.core.views import generic
from hamkor.mobility.selectors import invitation_by_token
from hamkor.website.forms import DepartmentProfileForm
from hamkor.website.models import DepartmentProfile
from hamkor.website.selectors import department_profile_get
from hamkor.website.services import department_profile_create


def home(request):
    profile = department_profile_get()
    return render(request, "website/home.html", {"profile": profile})


def letter_verify(request, token):
    """Public: confirms that an invitation letter was issued, without personal details."""

    mobility = invitation_by_token(token)
    status = 200 if mobility is not None else 404
    return render(
        request,
        "website/letter_verify.html",
        {"mobility": mobility, "profile": department_profile_get()},
        status=status,
    )


PROFILES = DepartmentProfile.objects.select_related("institution")


@login_required
def department_profile_current(request):
    """The menu's entry: the home university's profile; before set-up, a page offering it."""
    if not request.user.has_perm("website.view_departmentprofile"):
        raise PermissionDenied
    profile = department_profile_get()
    if profile is not None:
        return redirect(profile)
    can_set_up = request.user.has_perm("website.change_departmentprofile")
    if request.method == "POST" and can_set_up:
        try:
            profile = department_profile_create(actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            return redirect("website:departmentprofile_edit", pk=profile.pk)
    return render(request, "website/departmentprofile_missing.html", {"can_set_up": can_set_up})


class DepartmentProfileDetailView(generic.ObjectDetailView):
    queryset = PROFILES


class DepartmentProfileEditView(generic.ObjectEditView):
    queryset = PROFILES
    form_class = DepartmentProfileForm


class DepartmentProfileHistoryView(generic.ObjectHistoryView):
    queryset = PROFILES
