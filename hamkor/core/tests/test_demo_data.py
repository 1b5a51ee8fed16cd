"""``hamkor demo-data`` loads the home university and one user per role, idempotently."""

import io

from django.core.management import call_command

from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.roles import Role
from hamkor.partners.models import Institution
from hamkor.website.models import DepartmentProfile


def run() -> str:
    out = io.StringIO()
    call_command("demo_data", stdout=out)
    return out.getvalue()


def test_demo_data_prints_a_login_for_every_role(db):
    output = run()
    for role in Role:
        user = User.objects.get(groups__name=role.value)
        assert user.email in output
        password = output.split(user.email, 1)[1].split()[0]
        assert user.check_password(password)


def test_demo_data_twice_neither_fails_nor_duplicates(db):
    run()
    counts = (Institution.objects.count(), OrgUnit.objects.count(), User.objects.count())
    run()
    assert (Institution.objects.count(), OrgUnit.objects.count(), User.objects.count()) == counts


def test_demo_data_holds_the_departments_facts(db):
    run()
    profile = DepartmentProfile.objects.get()
    assert profile.head_name == "Begmatova Nodira Numanovna"
    assert profile.email == "ksu.intdept@gmail.com"
    assert profile.institution.is_home
    coordinator = User.objects.get(groups__name=Role.COORDINATOR)
    assert coordinator.org_unit.kind == OrgUnit.Kind.FACULTY


def test_department_page_can_be_set_up_from_the_menu_on_a_fresh_install(as_user, home):
    client = as_user("officer")
    page = client.get("/staff/department/")
    assert page.status_code == 200
    assert "Set up the department page" in page.text
    response = client.post("/staff/department/")
    profile = DepartmentProfile.objects.get()
    assert response["Location"] == f"/staff/department/{profile.pk}/edit/"
    assert "Set up the department page" not in as_user("leadership").get("/staff/department/").text
