"""Writes about agreements: numbering, status transitions, renewal, amendments, reminders."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty, unit_in_faculty
from hamkor.agreements import rules
from hamkor.agreements.models import (
    Agreement,
    AgreementParty,
    Amendment,
    MobilityQuota,
    RenewalReminder,
)
from hamkor.core import transitions
from hamkor.core.references import reference_next
from hamkor.core.sending import email_send_on_commit
from hamkor.core.services import object_delete, object_save
from hamkor.core.urls_helpers import absolute_url
from hamkor.partners.models import Institution
from hamkor.webhooks.events import event_emit

logger = logging.getLogger(__name__)

# Days before the end of an agreement at which its responsible officer is reminded.
REMINDER_DAYS = (180, 90, 30)


def agreement_reference_next(*, kind: str, year: int) -> str:
    """The next free reference for ``kind`` in ``year``: ``MOU-2024-017``."""
    return reference_next(
        prefix=Agreement.PREFIXES[Agreement.Kind(kind)],
        year=year,
        taken=lambda reference: Agreement.objects.filter(reference=reference).exists(),
    )


def _check_scope(*, actor, scope_units) -> None:
    """A coordinator may only create or keep agreements that include their faculty."""
    faculty = coordinator_faculty(actor)
    if faculty is UNLIMITED:
        return
    if not any(unit_in_faculty(unit, faculty) for unit in scope_units):
        raise ValidationError(
            {
                "scope_units": _(
                    "As a faculty coordinator you may only record agreements that "
                    "include your faculty."
                )
            }
        )


@transaction.atomic
def agreement_save(
    *,
    agreement: Agreement,
    actor,
    scope_units=None,
    areas=None,
    parties: list[AgreementParty] | None = None,
    expected_version: int | None = None,
    reason: str | None = None,
) -> Agreement:
    """Create or edit an agreement; a new one gets its reference number here.

    ``parties`` (when given) are the agreement's parties from now on: unsaved ones are
    added, saved ones updated, and the agreement's other parties removed.
    """
    if scope_units is not None:
        _check_scope(actor=actor, scope_units=list(scope_units))
    if parties is not None:
        _check_parties(parties)
    created = agreement.pk is None
    if created and not agreement.reference:
        year = (agreement.signed_on or timezone.localdate()).year
        agreement.reference = agreement_reference_next(kind=agreement.kind, year=year)
    object_save(
        instance=agreement,
        actor=actor,
        reason=reason
        or ("agreements.agreement.created" if created else "agreements.agreement.edited"),
        expected_version=expected_version,
    )
    if scope_units is not None:
        agreement.scope_units.set(scope_units)
    if areas is not None:
        agreement.areas.set(areas)
    if parties is not None:
        _parties_set(agreement=agreement, parties=parties, actor=actor)
        agreement_partners_follow(agreement=agreement, actor=actor)
    return agreement


@transaction.atomic
def agreement_publish(*, agreement: Agreement, public: bool, actor) -> Agreement:
    """Show the agreement on the public website's partners page, or hide it (recorded in the
    history as a change of its own)."""
    if agreement.public == public:
        return agreement
    agreement.public = public
    return agreement_save(
        agreement=agreement,
        actor=actor,
        reason="agreements.agreement.shown" if public else "agreements.agreement.hidden",
    )


def agreement_partners_follow(*, agreement: Agreement, actor) -> list[Institution]:
    """Bring the relationship status of the agreement's partners in line with it.

    An institution party to an agreement is a partner: a directory entry chosen as a party
    becomes a prospect, and every party of an active agreement an active partner (a
    prospect's first agreement, a dormant or ended partnership taken up again). The officer
    sets the other steps (dormant, ended) by hand. Each change is recorded in the
    institution's history with the agreement's reference. Answers the institutions changed.
    """
    target = (
        Institution.Partnership.ACTIVE
        if agreement.status == Agreement.Status.ACTIVE
        else Institution.Partnership.PROSPECT
    )
    behind = (
        {Institution.Partnership.NONE}
        if target == Institution.Partnership.PROSPECT
        else set(Institution.Partnership.values) - {Institution.Partnership.ACTIVE}
    )
    changed = []
    parties = Institution.objects.filter(
        agreement_parties__agreement=agreement, is_home=False, partnership__in=behind
    )
    for institution in parties.select_for_update():
        institution.partnership = target
        changed.append(
            object_save(
                instance=institution,
                actor=actor,
                reason=f"partners.institution.{target}_by_agreement:{agreement.reference}",
            )
        )
    return changed


def _check_parties(parties: list[AgreementParty]) -> None:
    if not parties:
        raise ValidationError(_("An agreement needs at least one partner institution."))
    institutions = [party.institution_id for party in parties]
    if len(set(institutions)) != len(institutions):
        raise ValidationError(_("Each institution can be a party to an agreement only once."))


def _parties_set(*, agreement: Agreement, parties: list[AgreementParty], actor) -> None:
    kept = {party.pk for party in parties if party.pk}
    for party in agreement.parties.exclude(pk__in=kept):
        object_delete(instance=party, actor=actor, reason="agreements.agreementparty.removed")
    for party in parties:
        party.agreement = agreement
        object_save(
            instance=party,
            actor=actor,
            reason="agreements.agreementparty.edited"
            if party.pk
            else "agreements.agreementparty.added",
        )


@transaction.atomic
def agreement_import(
    *,
    agreement: Agreement,
    party: AgreementParty,
    actor,
    scope_units=(),
    active: bool = False,
) -> Agreement:
    """Record an agreement from an import row, with its main partner.

    Agreements signed before the office used Hamkor come in as drafts or, when their
    signing date is known, directly as active: the record says it was imported (reason
    ``agreements.agreement.imported``) rather than activated, and its signed scan is to
    be attached afterwards. An agreement imported as active whose end has passed is
    expired by the next daily run.
    """
    if active:
        if not agreement.signed_on:
            raise ValidationError(
                {"status": _("An agreement imported as active needs its signing date.")}
            )
        transitions.status_set_initial(agreement, Agreement.Status.ACTIVE)
        agreement.status_changed_at = timezone.now()
    return agreement_save(
        agreement=agreement,
        actor=actor,
        scope_units=scope_units,
        parties=[party],
        reason="agreements.agreement.imported",
    )


@transaction.atomic
def agreements_import(*, rows: list[tuple[int, dict]], actor) -> int:
    """Record every row (its number, and ``agreement_import``'s arguments), or none.

    A row refused here (a reference used twice in the file) names its row number.
    """
    for number, arguments in rows:
        try:
            agreement_import(actor=actor, **arguments)
        except ValidationError as exc:
            raise ValidationError(
                _("Row %(row)d: %(error)s") % {"row": number, "error": "; ".join(exc.messages)}
            ) from exc
    return len(rows)


@transaction.atomic
def agreement_delete(*, agreement: Agreement, actor) -> None:
    """Delete an agreement entered by mistake; only a draft: the others are terminated."""
    if agreement.status != Agreement.Status.DRAFT:
        raise ValidationError(
            _("Only a draft can be deleted. End an agreement in force by terminating it.")
        )
    object_delete(instance=agreement, actor=actor, reason="agreements.agreement.deleted")


@transaction.atomic
def agreement_transition(
    *, agreement: Agreement, name: str, actor, reason: str = "", on: datetime.date | None = None
) -> Agreement:
    """Apply the named status transition, recording who, when and why.

    Activation needs a signed copy among the documents; termination needs a reason.
    """
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    transitions.step_check(
        agreement, name, refused=_("An agreement that is “%(status)s” cannot take this step.")
    )
    if not transitions.conditions_met(agreement, name):
        if name == "activate":
            raise ValidationError(
                _(
                    "An agreement becomes active only with its signed copy: attach the signed "
                    "scan (document kind “Signed copy”) first."
                )
            )
        raise ValidationError(_("This status change is not possible now."))
    if name == "activate" and not agreement.signed_on:
        raise ValidationError(_("Enter the date the agreement was signed before activating it."))
    if name == "terminate":
        if not reason.strip():
            raise ValidationError({"reason": _("Say why the agreement is terminated.")})
        agreement.termination_reason = reason.strip()
        agreement.terminated_on = on or timezone.localdate()
    getattr(agreement, name)()
    agreement.status_changed_at = timezone.now()
    # Kept whole with the record (and so in its history): the change reason is a code.
    agreement.status_reason = reason.strip()
    agreement = object_save(instance=agreement, actor=actor, reason=f"agreements.agreement.{name}")
    if name == "activate":
        agreement_partners_follow(agreement=agreement, actor=actor)
    if name in ("activate", "terminate"):
        event_emit(event=f"agreement.{name}d", record=agreement)
    return agreement


@transaction.atomic
def agreement_renew(
    *,
    agreement: Agreement,
    actor,
    valid_from: datetime.date,
    valid_to: datetime.date | None,
) -> Agreement:
    """Start the successor of ``agreement``: a draft with the same parties, scope and quotas.

    The quotas move by as many academic years as the validity moved.
    """
    refusal = rules.renewal_refusal(agreement)
    if refusal:
        raise ValidationError(refusal)
    if agreement.valid_to and valid_from <= agreement.valid_to - datetime.timedelta(days=366):
        raise ValidationError(
            {"valid_from": _("The renewal should start near the end of the current agreement.")}
        )
    successor = Agreement(
        kind=agreement.kind,
        title=agreement.title,
        valid_from=valid_from,
        valid_to=valid_to,
        auto_renewal=agreement.auto_renewal,
        notice_period_days=agreement.notice_period_days,
        responsible=agreement.responsible,
        predecessor=agreement,
        notes=agreement.notes,
    )
    agreement_save(
        agreement=successor,
        actor=actor,
        scope_units=agreement.scope_units.all(),
        areas=agreement.areas.all(),
        reason="agreements.agreement.renewal_started",
    )
    for party in agreement.parties.all():
        object_save(
            instance=AgreementParty(
                agreement=successor, institution=party.institution, role=party.role
            ),
            actor=actor,
            reason="agreements.agreementparty.renewed",
        )
    shift = valid_from.year - (agreement.valid_from or valid_from).year
    for quota in agreement.quotas.all():
        quota.pk = None
        quota.id = None
        quota._state.adding = True
        quota.agreement = successor
        quota.first_year += shift
        quota.last_year += shift
        quota.version = 1
        object_save(instance=quota, actor=actor, reason="agreements.mobilityquota.renewed")
    return successor


@transaction.atomic
def agreement_amend(
    *,
    agreement: Agreement,
    actor,
    signed_on: datetime.date,
    summary: str,
    valid_to: datetime.date | None = None,
) -> Amendment:
    """Record an amendment (a new version of the agreement); it may move the end date."""
    refusal = rules.amendment_refusal(agreement)
    if refusal:
        raise ValidationError(refusal)
    number = (agreement.amendments.aggregate(n=Max("number"))["n"] or 0) + 1
    amendment = object_save(
        instance=Amendment(
            agreement=agreement, number=number, signed_on=signed_on, summary=summary
        ),
        actor=actor,
        reason="agreements.amendment.added",
    )
    if valid_to and valid_to != agreement.valid_to:
        agreement.valid_to = valid_to
        object_save(
            instance=agreement, actor=actor, reason=f"agreements.agreement.amended:{number}"
        )
    return amendment


def agreement_quota_save(*, quota: MobilityQuota, actor, expected_version=None) -> MobilityQuota:
    created = quota.pk is None
    return object_save(
        instance=quota,
        actor=actor,
        expected_version=expected_version,
        reason="agreements.mobilityquota.added" if created else "agreements.mobilityquota.edited",
    )


@transaction.atomic
def agreements_expire_due(*, today: datetime.date | None = None) -> dict[str, int]:
    """End of validity: renew the auto-renewing agreements for another term, expire the rest."""
    today = today or timezone.localdate()
    expired = renewed = 0
    due = Agreement.objects.filter(status=Agreement.Status.ACTIVE, valid_to__lt=today)
    for agreement in due.select_for_update():
        if agreement.auto_renewal and agreement.valid_from:
            term = agreement.valid_to - agreement.valid_from
            while agreement.valid_to < today:
                agreement.valid_to = agreement.valid_to + term + datetime.timedelta(days=1)
            object_save(instance=agreement, actor=None, reason="agreements.agreement.auto_renewed")
            renewed += 1
        else:
            agreement.expire()
            agreement.status_changed_at = timezone.now()
            agreement.status_reason = ""
            object_save(instance=agreement, actor=None, reason="agreements.agreement.expire")
            event_emit(event="agreement.expired", record=agreement)
            expired += 1
    return {"expired": expired, "renewed": renewed}


def agreement_reminders_send(*, today: datetime.date | None = None) -> int:
    """E-mail the responsible officer 180, 90 and 30 days before an agreement ends, once each.

    An agreement entered late gets one e-mail, for the nearest threshold; the thresholds it
    has passed are marked as sent with it. Changing the end date starts the count again.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=max(REMINDER_DAYS))
    agreements = (
        Agreement.objects.filter(
            status=Agreement.Status.ACTIVE,
            valid_to__gte=today,
            valid_to__lte=horizon,
            auto_renewal=False,
        )
        .select_related("responsible")
        .prefetch_related("reminders", "institutions")
    )
    sent = 0
    for agreement in agreements:
        days_left = (agreement.valid_to - today).days
        passed = [days for days in REMINDER_DAYS if days_left <= days]
        done = {
            r.days_before for r in agreement.reminders.all() if r.valid_to == agreement.valid_to
        }
        due = [days for days in passed if days not in done]
        recipient = agreement.responsible
        if not due or recipient is None or not recipient.email:
            continue
        with transaction.atomic():
            for days in due:
                RenewalReminder.objects.create(
                    agreement=agreement,
                    days_before=days,
                    valid_to=agreement.valid_to,
                    recipient=recipient.email,
                )
            _send_reminder(agreement=agreement, recipient=recipient, days_left=days_left)
        sent += 1
    return sent


def _send_reminder(*, agreement: Agreement, recipient, days_left: int) -> None:
    from django.urls import reverse

    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        context = {
            "agreement": agreement,
            "user": recipient,
            "days_left": days_left,
            "partners": ", ".join(str(i) for i in agreement.institutions.all()),
            "url": absolute_url(
                reverse("agreements:agreement_detail", kwargs={"pk": agreement.pk})
            ),
        }
        subject = _("Agreement %(reference)s ends in %(days)d days") % {
            "reference": agreement.reference,
            "days": days_left,
        }
        body = render_to_string("agreements/email/renewal_reminder.txt", context)
    email_send_on_commit(EmailMessage(subject, body, to=[recipient.email]))
