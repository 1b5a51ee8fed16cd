"""Roles and their permissions, declared once.

Each role is a Django group of the same name. :func:`roles_sync` makes the groups hold
exactly the permissions listed here; it runs after every ``migrate`` and as
``hamkor sync-roles``. Row scoping (a coordinator's faculty) lives in each model's
``RestrictedQuerySet.scope``; this table says only which actions a role may take.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

VIEW = ("view",)
READ = ("view", "export")
EDIT = ("view", "add", "change", "delete")
ALL = (*EDIT, "import", "export")

# The apps whose every permission the administrator holds.
HAMKOR_APPS = (
    "core", "accounts", "partners", "agreements", "mobility", "website", "grants", "students",
    "events", "reports", "calls", "hemis", "webhooks", "security", "privacy",
    "auth",
)  # fmt: skip


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    OFFICER = "officer", _("IRO officer")
    COORDINATOR = "coordinator", _("Faculty coordinator")
    LEADERSHIP = "leadership", _("Leadership")
    APPLICANT = "applicant", _("Applicant")
    REVIEWER = "reviewer", _("Selection committee member")


STAFF_ROLES = (Role.ADMINISTRATOR, Role.OFFICER, Role.COORDINATOR, Role.LEADERSHIP)

# role -> {"app.model": actions} plus single codenames under the key "" (app.codename).
PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    Role.ADMINISTRATOR: {"*": ALL},
    Role.OFFICER: {
        "": (
            "accounts.staff_area",
            "mobility.view_personal_data",
            "privacy.export_person",
        ),
        # The register is the administrators' to edit; consents are the office's.
        "privacy.datacategory": VIEW,
        "privacy.consent": EDIT,
        "privacy.retentionrun": VIEW,
        "privacy.erasure": VIEW,
        "accounts.orgunit": ALL,
        "partners.institution": (*ALL, "merge"),
        "partners.rankingentry": ALL,
        "partners.contact": ALL,
        "partners.interaction": ALL,
        "agreements.agreement": (*ALL, "transition"),
        "agreements.agreementparty": EDIT,
        "agreements.amendment": EDIT,
        "agreements.mobilityquota": EDIT,
        "agreements.cooperationarea": ALL,
        "core.document": EDIT,
        # Every background job, not only their own: officers follow the office's work.
        "core.job": VIEW,
        "mobility.person": (*ALL, "merge"),
        "mobility.mobility": (*ALL, "transition"),
        "website.departmentprofile": ("view", "change"),
        "website.inquiry": ("view", "change", "delete", "export", "transition"),
        "website.booking": ("view", "change", "export", "transition"),
        "website.receptionhours": ALL,
        "website.holiday": ALL,
        "website.newsitem": (*ALL, "transition"),
        "website.page": (*ALL, "transition"),
        "website.opportunity": (*ALL, "transition"),
        "website.siteimage": ALL,
        "grants.exchangerate": ALL,
        "grants.erasmustravelband": ALL,
        "grants.erasmuscountrygroup": ALL,
        "grants.erasmusindividualrate": ALL,
        "grants.erasmustopup": ALL,
        "grants.programme": ALL,
        "grants.budgetheading": ALL,
        "grants.project": (*ALL, "transition"),
        "grants.projectpartner": EDIT,
        "grants.receipt": ALL,
        "grants.expense": ALL,
        "grants.reportingdeadline": EDIT,
        "students.foreignstudent": (*ALL, "transition"),
        "students.feepayment": EDIT,
        "students.studentrequest": (*ALL, "transition"),
        "students.requestreply": ("view", "add"),
        "events.event": ALL,
        "events.participant": ALL,
        "events.publication": ALL,
        "reports.universityyear": (*ALL, "close"),
        "reports.target": ALL,
        "calls.call": (*ALL, "transition"),
        "calls.place": EDIT,
        "calls.criterion": EDIT,
        "calls.application": (*READ, "change", "transition", "override"),
        "calls.reviewer": EDIT,
        "calls.score": READ,
        "calls.conflictofinterest": READ,
    },
    Role.COORDINATOR: {
        "": ("accounts.staff_area",),
        "accounts.orgunit": READ,
        "partners.institution": READ,
        "partners.rankingentry": READ,
        "partners.contact": READ,
        "partners.interaction": READ,
        # Scoped to the coordinator's faculty by AgreementQuerySet.scope.
        "agreements.agreement": (*READ, "add", "change", "transition"),
        "agreements.agreementparty": EDIT,
        "agreements.amendment": EDIT,
        "agreements.mobilityquota": EDIT,
        "agreements.cooperationarea": READ,
        "core.document": EDIT,
        # Scoped to the coordinator's faculty by PersonQuerySet and MobilityQuerySet.
        "mobility.person": (*READ, "add", "change"),
        "mobility.mobility": (*READ, "add", "change", "transition"),
        "website.departmentprofile": VIEW,
        "website.receptionhours": READ,
        "website.holiday": READ,
        "website.newsitem": READ,
        "website.page": READ,
        "website.opportunity": READ,
        "website.siteimage": READ,
        "grants.exchangerate": READ,
        "grants.erasmustravelband": READ,
        "grants.erasmuscountrygroup": READ,
        "grants.erasmusindividualrate": READ,
        "grants.erasmustopup": READ,
        "grants.programme": READ,
        "grants.budgetheading": READ,
        # Scoped to the coordinator's faculty by ProjectQuerySet.
        "grants.project": (*READ, "add", "change", "transition"),
        "grants.projectpartner": EDIT,
        "grants.receipt": (*READ, "add", "change"),
        "grants.expense": (*READ, "add", "change"),
        "grants.reportingdeadline": EDIT,
        # Scoped to the coordinator's faculty, reading included (ForeignStudentQuerySet).
        "students.foreignstudent": (*READ, "add", "change", "transition"),
        "students.feepayment": EDIT,
        "students.studentrequest": (*READ, "add", "change", "transition"),
        "students.requestreply": ("view", "add"),
        # Scoped to the coordinator's faculty (the event's unit) by EventQuerySet.scope.
        "events.event": (*READ, "add", "change"),
        "events.participant": (*READ, "add", "change"),
        "events.publication": (*READ, "add", "change"),
        # The university's totals and indicators are read by every staff role; a
        # coordinator's targets are their faculty's (TargetQuerySet.scope).
        "reports.universityyear": READ,
        "reports.target": READ,
        "calls.call": READ,
        "calls.place": READ,
        "calls.criterion": READ,
        # Scoped to the applications of the coordinator's faculty (ApplicationQuerySet).
        "calls.application": (*READ, "change", "override"),
    },
    Role.LEADERSHIP: {
        "": ("accounts.staff_area",),
        "accounts.orgunit": READ,
        "partners.institution": READ,
        "partners.rankingentry": READ,
        "partners.contact": READ,
        "partners.interaction": READ,
        "agreements.agreement": READ,
        "agreements.agreementparty": VIEW,
        "agreements.amendment": VIEW,
        "agreements.mobilityquota": READ,
        "agreements.cooperationarea": READ,
        "core.document": VIEW,
        "mobility.person": READ,
        "mobility.mobility": READ,
        "website.departmentprofile": VIEW,
        "website.receptionhours": READ,
        "website.holiday": READ,
        "website.newsitem": READ,
        "website.page": READ,
        "website.opportunity": READ,
        "website.siteimage": READ,
        "grants.exchangerate": READ,
        "grants.erasmustravelband": READ,
        "grants.erasmuscountrygroup": READ,
        "grants.erasmusindividualrate": READ,
        "grants.erasmustopup": READ,
        "grants.programme": READ,
        "grants.budgetheading": READ,
        "grants.project": READ,
        "grants.projectpartner": VIEW,
        "grants.receipt": READ,
        "grants.expense": READ,
        "grants.reportingdeadline": VIEW,
        "students.foreignstudent": READ,
        "students.feepayment": VIEW,
        "students.studentrequest": READ,
        "students.requestreply": VIEW,
        "events.event": READ,
        "events.participant": READ,
        "events.publication": READ,
        "reports.universityyear": READ,
        "reports.target": READ,
        "calls.call": READ,
        "calls.place": READ,
        "calls.criterion": READ,
        "calls.application": READ,
        "calls.score": READ,
    },
    # Applicants hold no model permission: their own applications are reached through
    # ApplicationQuerySet.of_applicant, never through restrict().
    Role.APPLICANT: {},
    # Scoped to the applications of the calls they review (ApplicationQuerySet.scope); their
    # own scores are the committee service's.
    Role.REVIEWER: {
        "": ("accounts.staff_area",),
        "calls.call": VIEW,
        "calls.place": VIEW,
        "calls.criterion": VIEW,
        "calls.application": VIEW,
        "calls.score": ("view", "add", "change"),
        "calls.conflictofinterest": ("view", "add"),
    },
}


def codenames(role: str) -> set[tuple[str, str]]:
    """The (app_label, codename) pairs ``role`` holds."""
    from django.contrib.auth.models import Permission

    pairs: set[tuple[str, str]] = set()
    for key, actions in PERMISSIONS[role].items():
        if key == "*":
            pairs |= set(
                Permission.objects.filter(content_type__app_label__in=HAMKOR_APPS).values_list(
                    "content_type__app_label", "codename"
                )
            )
        elif key == "":
            pairs |= {tuple(name.split(".", 1)) for name in actions}
        else:
            app_label, model = key.split(".")
            pairs |= {(app_label, f"{action}_{model}") for action in actions}
    return pairs


def roles_sync() -> dict[str, int]:
    """Make each role's group hold exactly its declared permissions; return their counts."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    counts = {}
    for role in Role.values:
        group, _created = Group.objects.get_or_create(name=role)
        wanted = codenames(role)
        if not wanted:
            group.permissions.clear()
            counts[role] = 0
            continue
        query = Q()
        for app_label, codename in wanted:
            query |= Q(content_type__app_label=app_label, codename=codename)
        permissions = list(Permission.objects.filter(query))
        missing = wanted - {(p.content_type.app_label, p.codename) for p in permissions}
        if missing:
            raise LookupError(f"roles.py names unknown permissions: {sorted(missing)}")
        group.permissions.set(permissions)
        counts[role] = len(permissions)
    return counts


def sync_after_migrate(sender, app_config=None, **kwargs) -> None:
    # post_migrate fires once per app; sync once, after the last of ours has its tables.
    if app_config is None or app_config.label != "accounts":
        return
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0)
    roles_sync()
