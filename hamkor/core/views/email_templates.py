"""The e-mail templates of bulk e-mail: administrators list, read, write and delete them.

Officers choose a template from a list's bulk actions (``hamkor.core.bulk``); the texts
themselves are the administrators' to keep.
"""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from hamkor.core import exporting
from hamkor.core.filters import SearchFilterSet
from hamkor.core.forms import ModelForm
from hamkor.core.models import EmailTemplate
from hamkor.core.tables import BaseTable
from hamkor.core.views import generic

PLACEHOLDERS = ("{name}", "{first_name}", "{last_name}", "{partner}", "{start}", "{end}")


class EmailTemplateFilterSet(SearchFilterSet):
    search_fields = ("code", "subject_uz", "subject_ru", "subject_en")

    class Meta:
        model = EmailTemplate
        fields = ["q"]


class EmailTemplateExport(exporting.Export):
    columns = (
        exporting.Column(_("Code"), "code"),
        exporting.Column(_("Subject in Uzbek"), "subject_uz"),
        exporting.Column(_("Subject in Russian"), "subject_ru"),
        exporting.Column(_("Subject in English"), "subject_en"),
        exporting.Column(_("Changed"), "updated_at", exporting.DATETIME),
    )


class EmailTemplateTable(BaseTable):
    export_class = EmailTemplateExport
    subject = tables.Column(
        verbose_name=_("Subject"), accessor="pk", linkify=True, order_by=("subject_uz",)
    )

    class Meta(BaseTable.Meta):
        model = EmailTemplate
        fields = ("subject", "code", "updated_at")
        empty_text = _(
            "No e-mail templates yet. Add one: officers then send it from the lists of people "
            "and mobilities."
        )

    def render_subject(self, record):
        return str(record)


class EmailTemplateForm(ModelForm):
    class Meta:
        model = EmailTemplate
        fields = ["code", "subject_uz", "body_uz", "subject_ru", "body_ru", "subject_en", "body_en"]
        help_texts = {
            "code": _("A short name without spaces, e.g. pre-departure-briefing."),
            "body_uz": _(
                "Replaced for each recipient: %(placeholders)s. Recipients read the text in "
                "their own language, or in Uzbek when it is missing."
            )
            % {"placeholders": ", ".join(PLACEHOLDERS)},
        }


TEMPLATES = EmailTemplate.objects.all()


class EmailTemplateListView(generic.ObjectListView):
    queryset = TEMPLATES
    filterset_class = EmailTemplateFilterSet
    table_class = EmailTemplateTable


class EmailTemplateDetailView(generic.ObjectDetailView):
    queryset = TEMPLATES
    template_name = "core/emailtemplate_detail.html"

    def get_extra_context(self, obj):
        return {
            "versions": [
                (_("Uzbek"), obj.subject_uz, obj.body_uz),
                (_("Russian"), obj.subject_ru, obj.body_ru),
                (_("English"), obj.subject_en, obj.body_en),
            ],
            "placeholders": PLACEHOLDERS,
        }


class EmailTemplateHistoryView(generic.ObjectHistoryView):
    queryset = TEMPLATES


class EmailTemplateEditView(generic.ObjectEditView):
    queryset = TEMPLATES
    form_class = EmailTemplateForm


class EmailTemplateDeleteView(generic.ObjectDeleteView):
    queryset = TEMPLATES
