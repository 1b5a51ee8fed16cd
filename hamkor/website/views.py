"""The public website (language in the URL) and the staff page editing its profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from hamkor.core.views import generic
from hamkor.mobility.selectors import invitation_by_token
from hamkor.website.content.selectors import missing_translations
from hamkor.website.embed import embeddable
from hamkor.website.forms import DepartmentProfileForm
from hamkor.website.models import DepartmentProfile
from hamkor.website.selectors import (
    achievements_public,
    department_name_public,
    department_profile_get,
)
from hamkor.website.services import department_profile_create, department_profile_save


def home(request):
    """The department's page: its profile and its achievements, computed from the records."""
    context = {"profile": department_profile_get(), "achievements": achievements_public()}
    return render(request, "website/home.html", context)


@embeddable
def embed_achievements(request):
    """The achievements alone, for another site's ``<iframe>`` (see ``static/website/embed.js``):
    no header or menu; the department's name only, for the link back to its page."""
    context = {"department_name": department_name_public(), "achievements": achievements_public()}
    return render(request, "website/embed/achievements.html", context)


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
    queryset = PROFILES.select_related("head_photo")

    def get_extra_context(self, obj):
        return {"missing": missing_translations(obj)}


class DepartmentProfileEditView(generic.ObjectEditView):
    queryset = PROFILES
    form_class = DepartmentProfileForm
    template_name = "website/departmentprofile_edit.html"

    def get_extra_context(self, obj):
        return {"missing": missing_translations(obj) if obj is not None and obj.pk else []}

    def save(self, form, *, expected_version):
        return department_profile_save(
            profile=form.save(commit=False),
            actor=self.request.user,
            head_photo_upload=form.cleaned_data.get("head_photo_upload"),
            expected_version=expected_version,
        )


class DepartmentProfileHistoryView(generic.ObjectHistoryView):
    queryset = PROFILES
