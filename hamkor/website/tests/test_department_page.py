"""The department's page: set up from the staff menu, shown to the public."""

from hamkor.website.models import DepartmentProfile


def test_department_page_can_be_set_up_from_the_menu_on_a_fresh_install(as_user, home):
    client = as_user("officer")
    page = client.get("/staff/department/")
    assert page.status_code == 200
    assert "Set up the department page" in page.text
    response = client.post("/staff/department/")
    profile = DepartmentProfile.objects.get()
    assert response["Location"] == f"/staff/department/{profile.pk}/edit/"
    assert "Set up the department page" not in as_user("leadership").get("/staff/department/").text
