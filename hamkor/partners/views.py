"""Staff pages of partners: institutions (the partner's page, merge), contacts, interactions,
dormant partners. Thin subclasses of the generic views; the rules live in services."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

# The partner's page lists its agreements: the one place where partners reads the app above
# it, said here rather than hidden in a function.
from hamkor.agreements.models import Agreement, AgreementParty
from hamkor.core.documents import documents_context
from hamkor.core.models import Document
from hamkor.core.views import generic
from hamkor.partners import forms
from hamkor.partners.filters import (
    ContactFilterSet,
    DormantPartnerFilterSet,
    InstitutionFilterSet,
    InteractionFilterSet,
)
from hamkor.partners.models import Contact, Institution, Interaction, RankingEntry
from hamkor.partners.selectors import partners_dormant
from hamkor.partners.services import (
    institution_merge,
    institutions_similar,
    interaction_follow_up_done,
)
from hamkor.partners.tables import (
    ContactTable,
    DormantPartnerTable,
    InstitutionTable,
    InteractionTable,
    dormant_with_list_columns,
    institutions_with_list_columns,
)

# --- Institutions ------------------------------------------------------------------------

INSTITUTIONS = Institution.objects.select_related("owner")


class InstitutionListView(generic.ObjectListView):
    queryset = Institution.objects.all()
    filterset_class = InstitutionFilterSet
    table_class = InstitutionTable
    template_name = "partners/institution_list.html"

    def get_queryset(self, action=None):
        return institutions_with_list_columns(super().get_queryset(action))

    def get_extra_context(self, obj=None):
        return {"can_load_directory": may_load_directory(self.request.user)}


def may_load_directory(user) -> bool:
    """Officers and administrators, when the lists' folder (HAMKOR_DATA_DIR) is set."""
    return bool(settings.HAMKOR_DATA_DIR) and user.has_perm("partners.import_institution")


class InstitutionDirectoryLoadView(LoginRequiredMixin, View):
    """Start loading the world directory from HAMKOR_DATA_DIR (POST only): its job's page."""

    http_method_names = ["post"]

    def post(self, request):
        if not may_load_directory(request.user):
            raise PermissionDenied
        from hamkor.partners.tasks import directory_load_start

        job = directory_load_start(owner=request.user)
        return HttpResponseRedirect(job.get_absolute_url())


class DormantPartnerListView(generic.ObjectListView):
    """Active partners with no interaction or agreement for N months (a setting)."""

    queryset = Institution.objects.all()
    filterset_class = DormantPartnerFilterSet
    table_class = DormantPartnerTable
    template_name = "partners/institution_dormant.html"

    def get_queryset(self, action=None):
        rows = partners_dormant().restrict(self.request.user, action or self.action)
        return dormant_with_list_columns(rows)

    def get_extra_context(self, obj=None):
        return {
            "verbose_name_plural": gettext_lazy("dormant partners"),
            "months": settings.HAMKOR_DORMANT_AFTER_MONTHS,
        }


class InstitutionDetailView(generic.ObjectDetailView):
    """The partner's page: everything the office knows about the institution, on one screen."""

    queryset = INSTITUTIONS

    def get_extra_context(self, obj):
        user = self.request.user
        return {
            "agreement_parties": agreement_parties(obj, user),
            "contacts": Contact.objects.restrict(user).filter(institution=obj),
            "interactions": Interaction.objects.restrict(user)
            .filter(institution=obj)
            .select_related("owner")
            .prefetch_related("contacts"),
            "rankings": ranking_history(obj.rankings.all()),
            # Its units as EWP knows them (from imported IIAs), exported back in our IIAs.
            "ewp_units": obj.units.exclude(ewp_ounit_id="").order_by("ewp_ounit_id"),
            "merge_url": reverse("partners:institution_merge", kwargs={"pk": obj.pk})
            if user.has_perm("partners.merge_institution") and not obj.is_home
            else None,
            "today": timezone.localdate(),
            **documents_context(user, obj),
        }


def agreement_parties(institution: Institution, user) -> list:
    """The institution's part in the agreements the user may see, newest first, each with
    the link to the agreement when its page exists."""
    parties = list(
        AgreementParty.objects.filter(
            institution=institution, agreement__in=Agreement.objects.restrict(user, "view")
        )
        .select_related("agreement")
        .order_by("-agreement__signed_on", "-agreement__created_at")
    )
    for party in parties:
        party.agreement_url = generic.reverse_or_none(
            "agreements:agreement_detail", pk=party.agreement_id
        )
    return parties


def ranking_history(entries) -> dict:
    """Ranking entries as a table: a row per ranking, a column per edition (newest first)."""
    entries = list(entries)
    years = sorted({entry.year for entry in entries}, reverse=True)
    by_ranking: dict[str, dict[int, RankingEntry]] = {}
    for entry in entries:
        by_ranking.setdefault(entry.ranking, {})[entry.year] = entry
    rows = [
        (label, [by_ranking[value].get(year) for year in years])
        for value, label in RankingEntry.Ranking.choices
        if value in by_ranking
    ]
    return {"years": years, "rows": rows}


class InstitutionHistoryView(generic.ObjectHistoryView):
    queryset = INSTITUTIONS


class InstitutionEditView(generic.ObjectEditView):
    """Create or edit; a new institution resembling existing ones asks for a confirmation."""

    queryset = INSTITUTIONS
    form_class = forms.InstitutionForm
    template_name = "partners/institution_edit.html"


class InstitutionDeleteView(generic.ObjectDeleteView):
    queryset = INSTITUTIONS


class InstitutionImportView(generic.BulkImportView):
    queryset = Institution.objects.all()
    import_form_class = forms.InstitutionImportForm
    example = {
        "name": "Ankara Üniversitesi",
        "name_en": "Ankara University",
        "acronym": "AU",
        "kind": "university",
        "country": "TR",
        "city": "Ankara",
        "website": "https://www.ankara.edu.tr",
        "erasmus_code": "TR ANKARA01",
        "partnership": "active",
    }

    def lookup(self, values):
        """By Erasmus code, else by the (original or English) name in the same country."""
        code = " ".join(str(values.get("erasmus_code") or "").split()).upper()
        if code:
            found = Institution.objects.filter(erasmus_code=code).first()
            if found:
                return found
        name = str(values.get("name") or "").strip()
        country = forms.country_code(values.get("country"))
        if not (name and country):
            return None
        return Institution.objects.filter(
            Q(name__iexact=name) | Q(name_en__iexact=name), country=country
        ).first()


class InstitutionMergeView(generic.ObjectMergeView):
    queryset = INSTITUTIONS
    template_name = "partners/institution_merge.html"
    merge_form_class = forms.InstitutionMergeForm

    def merge(self, *, keep, duplicate, actor):
        return institution_merge(keep=keep, duplicate=duplicate, actor=actor)

    def get_extra_context(self, obj=None):
        keep, duplicate, query = obj, self.duplicate, self.query
        if duplicate is not None:
            return {"moves": merge_moves(duplicate)}
        candidates = Institution.objects.filter(is_home=False).exclude(pk=keep.pk)
        context = {
            "suggestions": institutions_similar(
                name=keep.name, country=keep.country.code, exclude_pk=keep.pk
            )
        }
        if query:
            found = InstitutionFilterSet(
                {"q": query, "show": InstitutionFilterSet.DIRECTORY},
                queryset=candidates,
                request=self.request,
            )
            context["found"] = list(found.qs.order_by("name")[:20])
        return context


# What a merge moves that is worth a line of its own; the rest is named by its model.
MERGE_LABELS = {"agreements.agreementparty": gettext_lazy("Agreements (as a party)")}


def merge_moves(duplicate: Institution) -> list[tuple[str, int]]:
    """The kinds and numbers of records pointing at ``duplicate`` that a merge moves."""
    moves = []
    for relation in duplicate._meta.related_objects:
        model = relation.related_model
        if relation.many_to_many or getattr(model, "instance_type", None):
            continue  # through-model rows are counted themselves; histories stay put
        count = model._base_manager.filter(**{relation.field.name: duplicate}).count()
        if count:
            label = MERGE_LABELS.get(model._meta.label_lower, model._meta.verbose_name_plural)
            moves.append((str(capfirst(label)), count))
    documents = Document.objects.filter(
        content_type=ContentType.objects.get_for_model(Institution), object_id=duplicate.pk
    ).count()
    if documents:
        moves.append((str(capfirst(Document._meta.verbose_name_plural)), documents))
    return moves


# --- Contacts and interactions: edited from the partner's page -----------------------------


class PartnerRecordMixin:
    """A record that belongs to an institution: saving or deleting goes back to the
    partner's page."""

    anchor = ""

    def get_success_url(self, instance) -> str:
        return f"{instance.institution.get_absolute_url()}#{self.anchor}"


class PartnerRecordEditView(PartnerRecordMixin, generic.ObjectEditView):
    """Added from the partner's page (``/staff/institutions/<institution_pk>/...``), a new
    record belongs to that institution."""

    template_name = "partners/partner_record_edit.html"

    def alter_object(self, obj):
        if "institution_pk" in self.kwargs:
            obj.institution = self.get_parent(Institution, "institution_pk", action="view")
        return obj

    def get_extra_context(self, obj=None):
        # The page names the partner; a new record may not have one yet.
        return {"partner": obj.institution if obj.institution_id else None}


class PartnerRecordDeleteView(PartnerRecordMixin, generic.ObjectDeleteView):
    """Deleting goes back to the partner's page (interactions have no list of their own)."""


# Contacts ----------------------------------------------------------------------------------

CONTACTS = Contact.objects.select_related("institution")


class ContactListView(generic.ObjectListView):
    queryset = CONTACTS
    filterset_class = ContactFilterSet
    table_class = ContactTable


class ContactDetailView(generic.ObjectDetailView):
    queryset = CONTACTS

    def get_extra_context(self, obj):
        return {
            "interactions": Interaction.objects.restrict(self.request.user)
            .filter(contacts=obj)
            .select_related("owner")
            .prefetch_related("contacts"),
            "today": timezone.localdate(),
        }


class ContactHistoryView(generic.ObjectHistoryView):
    queryset = CONTACTS


class ContactEditView(PartnerRecordEditView):
    queryset = CONTACTS
    form_class = forms.ContactForm
    anchor = "contacts"


class ContactDeleteView(PartnerRecordDeleteView):
    queryset = CONTACTS
    anchor = "contacts"


class ContactImportView(generic.BulkImportView):
    queryset = CONTACTS
    import_form_class = forms.ContactImportForm
    example = {
        "institution": "TR ANKARA01",
        "full_name": "Ayşe Yılmaz",
        "position": "Erasmus+ institutional coordinator",
        "unit": "International Relations Office",
        "email": "ayse.yilmaz@example.org",
        "phone": "+90 312 000 00 00",
        "is_primary": "true",
    }

    def lookup(self, values):
        """The contact with the same e-mail at the same institution."""
        email = str(values.get("email") or "").strip()
        if not email:
            return None
        try:
            institution = forms.institution_by_name_or_code(values.get("institution"))
        except ValidationError:
            return None
        return Contact.objects.filter(institution=institution, email__iexact=email).first()


INTERACTIONS = Interaction.objects.select_related("institution", "owner").prefetch_related(
    "contacts"
)


class InteractionListView(generic.ObjectListView):
    queryset = INTERACTIONS
    filterset_class = InteractionFilterSet
    table_class = InteractionTable


class InteractionDetailView(generic.ObjectDetailView):
    queryset = INTERACTIONS

    def get_extra_context(self, obj):
        return {"today": timezone.localdate()}


class InteractionHistoryView(generic.ObjectHistoryView):
    queryset = INTERACTIONS


class InteractionEditView(PartnerRecordEditView):
    queryset = INTERACTIONS
    form_class = forms.InteractionForm
    anchor = "interactions"

    def get_initial_object(self):
        return Interaction(
            owner=self.request.user,
            date=timezone.localdate(),
        )


class InteractionDeleteView(PartnerRecordDeleteView):
    queryset = INTERACTIONS
    anchor = "interactions"


class InteractionDoneView(generic.ObjectPermissionMixin, View):
    """Mark a follow-up done (POST), from the home page or the partner's page."""

    queryset = Interaction.objects.all()
    action = "change"

    def post(self, request, pk):
        interaction = self.get_object()
        try:
            interaction_follow_up_done(interaction=interaction, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Follow-up with %(partner)s done.") % {"partner": interaction.institution},
            )
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = reverse("workbench:home")
        return HttpResponseRedirect(target)
