"""Forms of the accounts app."""

from __future__ import annotations

from django import forms
from django.contrib.auth import forms as auth_forms
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.roles import Role
from hamkor.core.autocomplete import picker_field
from hamkor.core.forms import BootstrapMixin, Form, ModelForm
from hamkor.core.urls_helpers import absolute_url
from hamkor.partners.models import Institution


class LoginForm(BootstrapMixin, auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        "invalid_login": _("The e-mail address or the password is wrong. Both are case-sensitive."),
        "inactive": _("This account is disabled."),
    }

    def clean_username(self):
        # Addresses are stored in lower case; lockout then counts every spelling as one.
        return self.cleaned_data["username"].strip().lower()


class PasswordChangeForm(BootstrapMixin, auth_forms.PasswordChangeForm):
    pass


class PasswordResetForm(BootstrapMixin, auth_forms.PasswordResetForm):
    def get_users(self, email):
        # Invited users have no password yet: the reset link is also how they get a new
        # invitation link when theirs expired.
        return User._default_manager.filter(email__iexact=email.strip(), is_active=True)

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        user = context["user"]
        # The link names the site's public address, never the host the request came by.
        context["link"] = absolute_url(
            reverse(
                "accounts:password_reset_confirm",
                kwargs={"uidb64": context["uid"], "token": context["token"]},
            )
        )
        with translation.override(user.language or translation.get_language()):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class SetPasswordForm(BootstrapMixin, auth_forms.SetPasswordForm):
    pass


class OrgUnitForm(ModelForm):
    class Meta:
        model = OrgUnit
        fields = [
            "institution",
            "parent",
            "kind",
            "code",
            "name_uz",
            "name_ru",
            "name_en",
            "is_active",
            "ewp_ounit_id",
        ]

    takes_user = True

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Our university's units, or a partner's (Erasmus Without Paper): any institution.
        picker_field(
            self.fields["institution"], "directory", user, keep=[self.instance.institution_id]
        )
        if not self.instance.pk:
            home = Institution.objects.home()
            if home and not self.initial.get("institution"):
                # The instance's empty value is already among the initial values.
                self.initial["institution"] = home.pk


class OrgUnitImportForm(forms.ModelForm):
    """One row of an import; units and institutions are named by code and name."""

    institution = forms.ModelChoiceField(
        queryset=Institution.objects.all(),
        to_field_name="name",
        label=_("institution"),
        required=False,
        help_text=_("Empty: the home university."),
    )
    parent = forms.ModelChoiceField(
        queryset=OrgUnit.objects.all(),
        to_field_name="code",
        required=False,
        label=_("part of"),
    )

    class Meta:
        model = OrgUnit
        fields = [
            "code",
            "kind",
            "name_uz",
            "name_ru",
            "name_en",
            "parent",
            "institution",
            "is_active",
        ]

    def clean_institution(self):
        return self.cleaned_data.get("institution") or Institution.objects.home()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("institution") is None:
            raise forms.ValidationError(_("No home university is set up yet."))
        return cleaned


class UserInviteForm(Form):
    email = forms.EmailField(label=_("E-mail"))
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=Role.choices, widget=forms.CheckboxSelectMultiple
    )
    org_unit = forms.ModelChoiceField(
        label=_("Faculty or unit"), required=False, queryset=OrgUnit.objects.filter(is_active=True)
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", "—"), *User._meta.get_field("language").choices],
    )


class UserForm(ModelForm):
    """An administrator's edit of a user: name, unit, roles, active."""

    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = User
        fields = ["full_name", "email", "phone", "org_unit", "language", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["roles"] = sorted(self.instance.roles)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("A user with this e-mail address already exists."))
        return email


class ProfileForm(ModelForm):
    """What users change about themselves."""

    class Meta:
        model = User
        fields = ["full_name", "phone", "language"]


class TokenForm(Form):
    """The code of the authenticator being set up."""

    token = forms.RegexField(
        label=_("Code from your authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Enter the six digits the app shows.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
    )


class ReplaceTokenForm(TokenForm):
    """Replacing an authenticator: also a code of the current one, or a recovery code."""

    current = forms.CharField(
        label=_("Code from your current authenticator, or a recovery code"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    field_order = ["current", "token"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The new code is typed second; the first field takes the focus.
        self.fields["token"].label = _("Code the new authenticator shows")
        self.fields["token"].widget.attrs.pop("autofocus", None)
        self.fields["current"].widget.attrs["autofocus"] = True


class VerifyForm(Form):
    """The second step of logging in: a code of the authenticator, or a recovery code."""

    token = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )
