"""The staff sidebar: each role sees only what it may open.

An item names a URL and the permission its view checks, so the menu and the views agree.
Domain apps add their groups here as they land.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import get_template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
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
        _("Reports"),
        (
            Item(_("Figures and charts"), "reports:dashboard", "accounts.staff_area", "graph-up"),
            Item(_("Achievements"), "reports:achievements", "accounts.staff_area", "trophy"),
            Item(
                _("Annual report"),
                "reports:annual_report",
                "accounts.staff_area",
                "file-earmark-bar-graph",
            ),
            Item(
                _("Ranking indicators"),
                "reports:indicators",
                "reports.view_universityyear",
                "bar-chart-steps",
            ),
            Item(_("Strategy targets"), "reports:targets", "reports.view_target", "bullseye"),
        ),
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
        _("Contact and reception"),
        (
            Item(_("Inquiries"), "website:inquiry_list", "website.view_inquiry", "envelope-open"),
            Item(
                _("Bookings of the day"),
                "website:booking_day",
                "website.view_booking",
                "calendar-day",
            ),
            Item(_("Bookings"), "website:booking_list", "website.view_booking", "calendar-check"),
            Item(
                _("Reception hours"),
                "website:receptionhours_list",
                "website.view_receptionhours",
                "clock",
            ),
            Item(_("Holidays"), "website:holiday_list", "website.view_holiday", "calendar-x"),
        ),
    ),
    Group(
        _("Public website"),
        (
            Item(_("News"), "website:newsitem_list", "website.view_newsitem", "newspaper"),
            Item(_("Pages"), "website:page_list", "website.view_page", "file-earmark-text"),
            Item(
                _("Opportunities"),
                "website:opportunity_list",
                "website.view_opportunity",
                "mortarboard",
            ),
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
            Item(
                _("Import an IIA"),
                "ewp:iia_import",
                "agreements.import_agreement",
                "cloud-arrow-down",
            ),
        ),
    ),
    Group(
        _("Mobility"),
        (
            Item(_("People"), "mobility:person_list", "mobility.view_person", "person-vcard"),
            Item(_("Mobilities"), "mobility:mobility_list", "mobility.view_mobility", "airplane"),
            Item(_("Deadlines"), "mobility:deadlines", "mobility.view_mobility", "alarm"),
            Item(_("Calls"), "calls:call_list", "calls.view_call", "megaphone"),
            Item(
                _("Applications"),
                "calls:application_list",
                "calls.view_application",
                "file-earmark-person",
            ),
            Item(_("My reviews"), "calls:reviewer_calls", "calls.add_score", "clipboard-check"),
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
            Item(_("Webhooks"), "webhooks:webhook_list", "webhooks.view_webhook", "broadcast"),
            Item(
                _("Security log"),
                "security:securityevent_list",
                "security.view_securityevent",
                "shield-lock",
            ),
            Item(
                _("Personal data register"),
                "privacy:datacategory_list",
                "privacy.view_datacategory",
                "person-lock",
            ),
            Item(
                _("Retention runs"),
                "privacy:retentionrun_list",
                "privacy.view_retentionrun",
                "trash3",
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
    visible, resolution = visible_items(user), _resolution()
    return _marked(visible, resolution, _active(visible, resolution, path))


def menu_html(user, path: str) -> str:
    """The sidebar's HTML for ``user`` on ``path``.

    The menu is a function of which items the user may open, the language and the active
    item, so it is rendered once for each of these and kept: a staff page then costs a
    permission check an item instead of a ``reverse()`` an item and the template's loop.
    Nothing else goes in, so a change of role or language gives another menu at once.
    """
    visible, resolution = visible_items(user), _resolution()
    # The template is part of the key: a development server reloads an edited template
    # without restarting, and the menu follows.
    template = get_template("includes/staff_menu.html")
    return _rendered(visible, resolution, _active(visible, resolution, path), template)


def visible_items(user) -> tuple[bool, ...]:
    """For each item of ``MENU`` in order, whether ``user`` sees it."""
    return tuple(
        (item.permission is None or user.has_perm(item.permission))
        and (item.condition is None or item.condition(user))
        for group in MENU
        for item in group.items
    )


def _resolution() -> tuple:
    """What a URL and a label depend on besides the item: the language, the script prefix
    (a site served under a sub-path) and the URL configuration in use."""
    return get_language(), get_script_prefix(), get_urlconf()


def _active(visible: tuple[bool, ...], resolution: tuple, path: str) -> str | None:
    """The address of the item ``path`` is under: the longest that starts it (the dashboard
    only on itself)."""
    home, active = reverse("workbench:home"), None
    for group in _groups(visible, resolution):
        for entry in group["items"]:
            url = entry["url"]
            if (path == url or (url != home and path.startswith(url))) and (
                active is None or len(url) > len(active)
            ):
                active = url
    return active


@functools.lru_cache(maxsize=256)
def _groups(visible: tuple[bool, ...], resolution: tuple) -> list[dict]:
    shown = iter(visible)
    groups = []
    for group in MENU:
        items = [
            {"label": str(item.label), "url": reverse(item.url_name), "icon": item.icon}
            for item in group.items
            if next(shown)
        ]
        if items:
            groups.append({"label": str(group.label), "items": items})
    return groups


def _marked(visible: tuple[bool, ...], resolution: tuple, active: str | None) -> list[dict]:
    return [
        {
            "label": group["label"],
            "items": [{**entry, "active": entry["url"] == active} for entry in group["items"]],
        }
        for group in _groups(visible, resolution)
    ]


@functools.lru_cache(maxsize=1024)
def _rendered(visible: tuple[bool, ...], resolution: tuple, active: str | None, template) -> str:
    return template.render({"menu": _marked(visible, resolution, active)})
