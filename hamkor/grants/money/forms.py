"""Forms of a project's money: a receipt, an expense, an exchange rate, and import rows."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from hamkor.core.forms import DateInput, ModelForm
from hamkor.grants.models import BudgetHeading, ExchangeRate, Expense, Project, Receipt
from hamkor.grants.money.services import money_check

CURRENCY_HELP = _("Its ISO 4217 code: USD, EUR, UZS, RUB…")


def _label(model, name: str):
    return capfirst(model._meta.get_field(name).verbose_name)


def funded_projects(user, current_pk: int | None = None):
    """Projects the user may record money for: funded, within reach (plus the current one)."""
    return Project.objects.filter(
        Q(
            pk__in=Project.objects.restrict(user, "change")
            .filter(status__in=Project.FUNDED)
            .values("pk")
        )
        | Q(pk=current_pk)
    ).select_related("programme")


class MoneyRulesMixin:
    """The services' rules (currency, amount, day, the day's rate) checked with the form's
    own, so that every refusal is shown beside its field at once, in a form or an import
    preview alike."""

    day_field = ""

    def _post_clean(self):
        super()._post_clean()
        try:
            money_check(self.instance, day_field=self.day_field)
        except ValidationError as exc:
            for name, errors in exc.error_dict.items():
                if name not in self._errors:  # a field's own error comes first
                    self.add_error(name if name in self.fields else None, errors)


class ProjectMoneyForm(MoneyRulesMixin, ModelForm):
    """A receipt or an expense; the project is chosen only when the address does not name it."""

    takes_user = True

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.project_id and not self.instance.pk and "project" in self.fields:
            # Added from the project's page: the project is decided by the address.
            del self.fields["project"]
        elif "project" in self.fields:
            self.fields["project"].queryset = funded_projects(user, self.instance.project_id)
        self.fields["currency"].help_text = CURRENCY_HELP
        self.fields["currency"].widget.attrs.update(
            {"autocapitalize": "characters", "size": "4", "list": "currencies"}
        )


class ReceiptForm(ProjectMoneyForm):
    day_field = "received_on"

    class Meta:
        model = Receipt
        fields = ["project", "received_on", "amount", "currency", "payer", "notes"]
        widgets = {"received_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}


class ExpenseForm(ProjectMoneyForm):
    day_field = "spent_on"

    class Meta:
        model = Expense
        fields = ["project", "heading", "spent_on", "amount", "currency", "description", "payee"]
        widgets = {"spent_on": DateInput()}


class ExchangeRateForm(ModelForm):
    """A rate typed in by hand: UZS for ``nominal`` units on a day."""

    class Meta:
        model = ExchangeRate
        fields = ["currency", "date", "rate", "nominal"]
        widgets = {"date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["currency"].help_text = CURRENCY_HELP
        self.fields["rate"].label = _("Rate (UZS for the nominal)")
        self.fields["rate"].help_text = _(
            "As the Central Bank publishes it: som for the nominal's number of units."
        )
        if self.instance.pk:
            self.initial["rate"] = self.instance.rate * self.instance.nominal


# --- Import rows -----------------------------------------------------------------------------


def project_by_number_or_acronym(value: str) -> Project:
    value = " ".join(str(value or "").split())
    if not value:
        raise ValidationError(_("Name the project by its number or its acronym."), code="required")
    found = list(
        Project.objects.filter(Q(project_number__iexact=value) | Q(acronym__iexact=value))[:2]
    )
    if len(found) == 1:
        return found[0]
    if found:
        raise ValidationError(
            _("Several projects are named “%(value)s”: give the project number."),
            params={"value": value},
            code="ambiguous",
        )
    raise ValidationError(
        _("No project has the number or acronym “%(value)s”."),
        params={"value": value},
        code="unknown",
    )


class ProjectByNumberOrAcronymField(forms.CharField):
    def clean(self, value):
        return project_by_number_or_acronym(super().clean(value))


class HeadingByCodeField(forms.CharField):
    def clean(self, value):
        value = " ".join(str(super().clean(value) or "").split())
        heading = BudgetHeading.objects.filter(
            Q(code__iexact=value)
            | Q(name_en__iexact=value)
            | Q(name_uz__iexact=value)
            | Q(name_ru__iexact=value)
        ).first()
        if heading is None:
            raise ValidationError(
                _("No budget heading has the code or name “%(value)s”."),
                params={"value": value},
                code="unknown",
            )
        return heading


class ReceiptImportForm(MoneyRulesMixin, forms.ModelForm):
    """One row of a receipts import: each row is a new receipt."""

    day_field = "received_on"
    project = ProjectByNumberOrAcronymField(
        label=_label(Receipt, "project"), help_text=_("Its project number or its acronym.")
    )

    class Meta:
        model = Receipt
        fields = ["project", "received_on", "amount", "currency", "payer", "notes"]


class ExpenseImportForm(MoneyRulesMixin, forms.ModelForm):
    """One row of an expenses import: each row is a new expense."""

    day_field = "spent_on"
    project = ProjectByNumberOrAcronymField(
        label=_label(Expense, "project"), help_text=_("Its project number or its acronym.")
    )
    heading = HeadingByCodeField(
        label=_label(Expense, "heading"), help_text=_("Its code or its name.")
    )

    class Meta:
        model = Expense
        fields = ["project", "heading", "spent_on", "amount", "currency", "description", "payee"]


class ExchangeRateImportForm(forms.ModelForm):
    """One row of a rates import: a row for a currency and day already stored corrects it."""

    class Meta:
        model = ExchangeRate
        fields = ["currency", "date", "rate", "nominal"]
