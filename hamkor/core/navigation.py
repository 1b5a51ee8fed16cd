"""The staff sidebar: each role sees only what it may open.

An item names a URL and the permission its view checks, so the menu and the views agree.
Domain apps add their groups here as they land.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Item:
    label: str
    url_name: str
    permission: str | None
    icon: str
    # For items that depend on the user's data rather than a permission; the view decides
    # the same way (a user without a person gets a friendly page, not an error).
    condition: Callable[[object], bool] | None = None


def has_person(user) -> bool:
    """The account is linked to a person of the registry (a traveller or guest)."""
    # The reverse one-to-one caches its answer on the user, so the menu asks once a request.
    return hasattr(user, "person")


@dataclass(frozen=True)
class Group:
    label: str
    items: tuple[Item, ...]


MENU: tuple[Group, ...] = (
    Group(
        _("Overview"),
        (Item(_("Dashboard"), "workbench:home", "accounts.staff_area", "speedometer2"),),
    ),
    Group(
        _("University"),
        (
            Item(
                _("Faculties and departments"),
                "accounts:orgunit_list",
                "accounts.view_orgunit",
                "diagram-3",
            ),
            Item(
                _("Department page"),
                "website:departmentprofile_current",
                "website.view_departmentprofile",
                "building",
            ),
        ),
    ),
    Group(
        _("Public website"),
        (
            Item(_("News"), "website:newsitem_list", "website.view_newsitem", "newspaper"),
            Item(_("Pages"), "website:page_list", "website.view_page", "file-earmark-text"),
            Item(_("Site images"), "website:siteimage_list", "website.view_siteimage", "image"),
        ),
    ),
    Group(
        _("Partners"),
        (
            Item(
                _("Partner institutions"),
                "partners:institution_list",
                "partners.view_institution",
                "buildings",
            ),
            Item(
                _("Contacts"), "partners:contact_list", "partners.view_contact", "person-lines-fill"
            ),
            Item(_("Dormant partners"), "partners:dormant", "partners.view_institution", "moon"),
        ),
    ),
    Group(
        _("Agreements"),
        (
            Item(
                _("Agreements"),
                "agreements:agreement_list",
                "agreements.view_agreement",
                "file-earmark-text",
            ),
            Item(
                _("Expiring soon"),
                "agreements:agreement_expiring",
                "agreements.view_agreement",
                "hourglass-split",
            ),
        ),
    ),
    Group(
        _("Mobility"),
        (
            Item(_("People"), "mobility:person_list", "mobility.view_person", "person-vcard"),
            Item(_("Mobilities"), "mobility:mobility_list", "mobility.view_mobility", "airplane"),
            Item(_("Deadlines"), "mobility:deadlines", "mobility.view_mobility", "alarm"),
        ),
    ),
    Group(
        _("Grants"),
        (
            Item(_("Grant projects"), "grants:project_list", "grants.view_project", "briefcase"),
            Item(_("Receipts"), "grants:receipt_list", "grants.view_receipt", "cash-coin"),
            Item(_("Expenses"), "grants:expense_list", "grants.view_expense", "receipt"),
            Item(
                _("Exchange rates"),
                "grants:exchangerate_list",
                "grants.view_exchangerate",
                "currency-exchange",
            ),
            Item(
                _("Erasmus+ budget planner"),
                "grants:planner",
                "grants.view_erasmusindividualrate",
                "calculator",
            ),
            Item(_("Programmes"), "grants:programme_list", "grants.view_programme", "collection"),
            Item(
                _("Budget headings"),
                "grants:budgetheading_list",
                "grants.view_budgetheading",
                "list-columns",
            ),
        ),
    ),
    Group(
        _("Foreign students"),
        (
            Item(
                _("Foreign students"),
                "students:foreignstudent_list",
                "students.view_foreignstudent",
                "mortarboard",
            ),
            Item(
                _("Student requests"),
                "students:studentrequest_list",
                "students.view_studentrequest",
                "chat-left-text",
            ),
            Item(
                _("Statistics"),
                "students:figures",
                "students.view_foreignstudent",
                "bar-chart",
            ),
        ),
    ),
    Group(
        _("Events"),
        (
            Item(_("Events"), "events:event_list", "events.view_event", "calendar-event"),
            Item(_("Participants"), "events:participant_list", "events.view_participant", "people"),
            Item(
                _("Publications"), "events:publication_list", "events.view_publication", "journal"
            ),
        ),
    ),
    Group(
        _("Administration"),
        (
            Item(_("Users"), "accounts:user_list", "accounts.view_user", "people"),
            Item(_("Outbox"), "core:outboxmessage_list", "core.view_outboxmessage", "envelope"),
            Item(
                _("E-mail templates"),
                "core:emailtemplate_list",
                "core.change_emailtemplate",
                "envelope-paper",
            ),
            Item(_("API"), "api:docs", "accounts.staff_area", "braces"),
        ),
    ),
    Group(
        _("My account"),
        (
            Item(_("Profile"), "accounts:profile", None, "person"),
            Item(_("Background jobs"), "core:job_list", "accounts.staff_area", "hourglass"),
            # A foreign student's deadlines and requests, and anybody's exchanges.
            Item(_("My university"), "students:portal", None, "luggage", condition=has_person),
        ),
    ),
)


def menu_for(user, path: str) -> list[dict]:
    """The menu ``user`` sees; the one item whose address is the longest start of ``path``
    is active (``/staff/foreign-students/figures/`` is *Statistics*, not also *Foreign
    students*)."""
    groups = []
    home = reverse("workbench:home")
    for group in MENU:
        items = []
        for item in group.items:
            if item.permission and not user.has_perm(item.permission):
                continue
            if item.condition is not None and not item.condition(user):
                continue
            url = reverse(item.url_name)
            items.append({"label": item.label, "url": url, "icon": item.icon, "active": False})
        if items:
            groups.append({"label": group.label, "items": items})
    matching = [
        entry
        for group in groups
        for entry in group["items"]
        if path == entry["url"] or (entry["url"] != home and path.startswith(entry["url"]))
    ]
    if matching:
        max(matching, key=lambda entry: len(entry["url"]))["active"] = True
    return groups
