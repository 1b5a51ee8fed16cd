"""Who may read and edit the rates: officers and administrators edit, others read."""

import pytest

from hamkor.accounts.roles import Role

pytestmark = pytest.mark.django_db

MODELS = (
    "exchangerate",
    "erasmustravelband",
    "erasmuscountrygroup",
    "erasmusindividualrate",
    "erasmustopup",
)


def permissions(role: str) -> set[str]:
    from django.contrib.auth.models import Group

    return set(
        Group.objects.get(name=role)
        .permissions.filter(content_type__app_label="grants", content_type__model__in=MODELS)
        .exclude(content_type__model__startswith="historical")
        .values_list("codename", flat=True)
    )


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.OFFICER])
def test_officers_and_administrators_hold_every_rate_permission(role):
    actions = ("view", "add", "change", "delete", "import", "export")
    assert permissions(role) == {f"{action}_{model}" for action in actions for model in MODELS}


@pytest.mark.parametrize("role", [Role.LEADERSHIP, Role.COORDINATOR])
def test_leadership_and_coordinators_only_read_the_rates(role):
    assert permissions(role) == {
        f"{action}_{model}" for action in ("view", "export") for model in MODELS
    }


def test_applicants_have_no_rate_permission():
    assert permissions(Role.APPLICANT) == set()


def test_the_admin_lists_every_rate_table(admin_client):
    from django.urls import reverse

    for model in MODELS:
        response = admin_client.get(reverse(f"admin:grants_{model}_changelist"))
        assert response.status_code == 200
