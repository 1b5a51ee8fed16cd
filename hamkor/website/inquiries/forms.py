"""Forms of inquiries: the public contact form and the office's steps."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hamkor.core.forms import Form
from hamkor.website.spam import GuardedForm


class ContactForm(GuardedForm):
    """The contact form; the language is the page's, not asked."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("We send the confirmation and our answer here.")
    )
    phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )

    field_order = ["name", "email", "phone", "subject", "message"]


def inquiry_handlers():
    """Who may be given an inquiry: active users holding the permission to read them."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="view_inquiry")
            | Q(user_permissions__codename="view_inquiry")
        )
        .distinct()
        .order_by("full_name", "email")
    )


class InquiryStepForm(Form):
    """What a step asks: the assignee, or the answer."""

    assignee = forms.ModelChoiceField(label=_("Assignee"), queryset=get_user_model().objects.none())
    answer = forms.CharField(
        label=_("Answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Sent by e-mail to the sender, in the language of their inquiry."),
    )

    def __init__(self, *args, step, inquiry, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = inquiry_handlers()
        if step.name != "assign":
            del self.fields["assignee"]
        else:
            self.initial.setdefault("assignee", inquiry.assignee_id)
        if step.name != "reply":
            del self.fields["answer"]
