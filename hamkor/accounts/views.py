"""Login and account pages, and the administrators' pages for users and units."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from hamkor.accounts import forms, services, twofactor
from hamkor.accounts.filters import OrgUnitFilterSet, UserFilterSet
from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.tables import OrgUnitTable, UserTable
from hamkor.core.services import object_save
from hamkor.core.views import generic

# --- Login, logout, passwords ---------------------------------------------------------


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = forms.LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = forms.PasswordChangeForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = forms.PasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@require_POST
def set_language(request):
    """Switch language: saved in the profile of a logged-in user, and in a cookie."""
    from django.conf import settings
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
    user = request.user
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


@login_required
def two_factor(request):
    user = request.user
    return render(
        request,
        "accounts/two_factor.html",
        {
            "devices": TOTPDevice.objects.devices_for_user(user, confirmed=True),
            "required": twofactor.is_required(user),
        },
    )


@login_required
def two_factor_setup(request):
    """Enrol a TOTP authenticator: show its QR code, confirm with a first code."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = forms.TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user, confirmed=True).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect("core:home")
        form.add_error(
            "token",
            _("This code is not valid. Check the time on your phone and enter the newest code."),
        )
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": _qr_svg(device.config_url),
            "secret": _b32(device),
            "required": twofactor.is_required(user),
        },
        status=400 if form.errors else 200,
    )


@login_required
def two_factor_verify(request):
    user = request.user
    form = forms.TokenForm(request.POST or None)
    next_url = request.GET.get("next") or reverse("core:home")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("core:home")
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip()
        for device in TOTPDevice.objects.devices_for_user(user, confirmed=True):
            if device.verify_token(token):
                otp_login(request, device)
                return HttpResponseRedirect(next_url)
        form.add_error("token", _("This code is not valid. Enter the newest code."))
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def two_factor_disable(request):
    user = request.user
    if twofactor.is_required(user):
        messages.error(request, _("Your role requires two-factor authentication."))
    else:
        TOTPDevice.objects.filter(user=user).delete()
        messages.success(request, _("Two-factor authentication is off."))
    return redirect("accounts:two_factor")


def _qr_svg(url: str) -> str:
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def _b32(device) -> str:
    from base64 import b32encode

    return b32encode(device.bin_key).decode()


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
        return {"two_factor": twofactor.has_device(obj)}


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
            base_url=self.request.build_absolute_uri("/"),
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
