"""Login and account pages, and the administrators' pages for users and units."""

from __future__ import annotations

import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from hamkor.accounts import forms, services, sessions, twofactor
from hamkor.accounts.filters import OrgUnitFilterSet, UserFilterSet
from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.tables import OrgUnitTable, UserTable
from hamkor.accounts.two_factor_views import home_for
from hamkor.core import ratelimit
from hamkor.core.client_ip import client_network
from hamkor.core.services import object_save
from hamkor.core.views import generic
from hamkor.security.log import Kind, record

# --- Login, logout, passwords ---------------------------------------------------------


def _minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))


def _try_again_message(seconds: int) -> str:
    minutes = _minutes(seconds)
    return ngettext(
        "Too many attempts. Try again in %(minutes)s minute.",
        "Too many attempts. Try again in %(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


class LoginView(auth_views.LoginView):
    """Log in; axes locks an account after repeated failures from any address, and an
    address that fails against many accounts (guessing one password for all) is held too."""

    template_name = "accounts/login.html"
    authentication_form = forms.LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        # Without a ?next=, each role starts at its own home.
        return home_for(self.request.user)

    def get_context_data(self, **kwargs):
        # A session ended for inactivity says so once, on the login page it led to.
        expired = self.request.session.pop(sessions.EXPIRED, False)
        return super().get_context_data(session_expired=expired, **kwargs)

    def _failures_key(self) -> str:
        return f"login-failures:ip:{client_network(self.request)}"

    def _window(self) -> int:
        return int(settings.AXES_COOLOFF_TIME * 3600)

    def post(self, request, *args, **kwargs):
        limit = settings.HAMKOR_LOGIN_FAILURES_PER_IP
        wait = ratelimit.peek(self._failures_key(), limit, self._window())
        if wait:
            form = self.get_form()
            form.add_error(None, _try_again_message(wait))
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            return response
        response = super().post(request, *args, **kwargs)
        if response.status_code != 302:
            ratelimit.hit(self._failures_key(), limit, self._window())
        return response


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = forms.PasswordChangeForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        record(Kind.PASSWORD_CHANGED, request=self.request, user=form.user)
        messages.success(self.request, _("Your password has been changed."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link; limited per address asked for and per client address.

    The limit counts every request, whether an account has the address or not, and says
    the same in both cases: it tells nothing about which addresses have accounts.
    """

    template_name = "accounts/password_reset.html"
    form_class = forms.PasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        window = settings.HAMKOR_PASSWORD_RESET_WINDOW
        email = form.cleaned_data["email"].strip().lower()
        waits = [
            ratelimit.hit(
                f"password-reset:ip:{client_network(self.request)}",
                settings.HAMKOR_PASSWORD_RESET_PER_IP,
                window,
            ),
            ratelimit.hit(
                f"password-reset:email:{email}", settings.HAMKOR_PASSWORD_RESET_PER_EMAIL, window
            ),
        ]
        wait = max((w for w in waits if w), default=None)
        if wait:
            form.add_error(None, _try_again_message(wait))
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        # The address asked for, whether an account has it or not (the page says the same).
        record(Kind.PASSWORD_RESET_REQUESTED, request=self.request, user=None, email=email)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        record(Kind.PASSWORD_RESET, request=self.request, user=form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@require_POST
def set_language(request):
    """Switch language: saved in the profile of a logged-in user, and in a cookie."""
    from django.urls import translate_url

    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    if language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(next_url)
    if request.user.is_authenticated and request.user.language != language:
        # A preference, not an edit of the account: no history entry, no new version.
        request.user.language = language
        User.objects.filter(pk=request.user.pk).update(language=language)
    response = HttpResponseRedirect(translate_url(next_url, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.SESSION_COOKIE_SECURE,
    )
    translation.activate(language)
    return response


# --- The user's own account -------------------------------------------------------------


@login_required
def profile(request):
    # The stored row, not request.user: that is a lazy wrapper, which the save (and its
    # history) cannot take for a model instance.
    user = User.objects.get(pk=request.user.pk)
    form = forms.ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        object_save(
            instance=form.save(commit=False), actor=user, reason="accounts.user.profile_edited"
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "two_factor": twofactor.has_device(user),
            "two_factor_required": twofactor.is_required(user),
        },
        status=400 if form.errors else 200,
    )


# --- Units of the home university ------------------------------------------------------

ORG_UNITS = OrgUnit.objects.select_related("institution", "parent")


class OrgUnitListView(generic.ObjectListView):
    queryset = ORG_UNITS
    filterset_class = OrgUnitFilterSet
    table_class = OrgUnitTable


class OrgUnitDetailView(generic.ObjectDetailView):
    queryset = ORG_UNITS

    def get_extra_context(self, obj):
        return {"children": obj.children.all(), "members": obj.users.count()}


class OrgUnitHistoryView(generic.ObjectHistoryView):
    queryset = ORG_UNITS


class OrgUnitEditView(generic.ObjectEditView):
    queryset = ORG_UNITS
    form_class = forms.OrgUnitForm


class OrgUnitDeleteView(generic.ObjectDeleteView):
    queryset = ORG_UNITS


class OrgUnitImportView(generic.BulkImportView):
    queryset = ORG_UNITS
    import_form_class = forms.OrgUnitImportForm
    example = {
        "code": "phil",
        "kind": "faculty",
        "name_uz": "Filologiya fakulteti",
        "name_ru": "Филологический факультет",
        "name_en": "Faculty of Philology",
        "is_active": "true",
    }

    def lookup(self, values):
        from hamkor.partners.models import Institution

        home = Institution.objects.home()
        return OrgUnit.objects.filter(institution=home, code=values.get("code")).first()


# --- Users -------------------------------------------------------------------------------

USERS = User.objects.select_related("org_unit").prefetch_related("groups")


class UserListView(generic.ObjectListView):
    queryset = USERS
    filterset_class = UserFilterSet
    table_class = UserTable


class UserDetailView(generic.ObjectDetailView):
    queryset = USERS

    def get_extra_context(self, obj):
        return {
            "two_factor": twofactor.has_device(obj),
            "recovery_codes_left": twofactor.recovery_codes_left(obj),
            "can_reset_two_factor": obj.pk != self.request.user.pk
            and self.request.user.has_perm("accounts.change_user"),
        }


class UserHistoryView(generic.ObjectHistoryView):
    queryset = USERS


class UserInviteView(generic.ObjectEditView):
    """Invite: an account without password, and an e-mail with a link to choose one."""

    queryset = USERS
    form_class = forms.UserInviteForm
    template_name = "accounts/user_invite.html"

    def get_form(self, obj, data=None, files=None):
        return self.form_class(data)

    def save(self, form, *, expected_version):
        return services.user_invite(
            actor=self.request.user,
            **form.cleaned_data,
        )

    def success_message(self, instance) -> str:
        return _("%(email)s is invited; the invitation was e-mailed.") % {"email": instance.email}


class UserEditView(generic.ObjectEditView):
    queryset = USERS
    form_class = forms.UserForm

    def save(self, form, *, expected_version):
        return services.user_save(
            user=form.save(commit=False),
            roles=form.cleaned_data["roles"],
            actor=self.request.user,
            reason="accounts.user.edited",
            expected_version=expected_version,
        )
