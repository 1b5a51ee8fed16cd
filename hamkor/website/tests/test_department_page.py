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


def test_head_of_department_is_named_in_the_page_language(client, home):
    DepartmentProfile.objects.create(
        institution=home,
        name_uz="Xalqaro hamkorlik boʻlimi",
        head_name_uz="Begmatova Nodira Numanovna",
        head_name_ru="Бегматова Нодира Нумановна",
        head_name_en="Nodira Begmatova",
    )

    assert "Бегматова Нодира Нумановна" in client.get("/ru/").text
    assert "Nodira Begmatova" in client.get("/en/").text
    assert "Begmatova Nodira Numanovna" in client.get("/uz/").text
    # Uzbek Cyrillic is the Latin name transliterated, never the Latin letters.
    cyrillic = client.get("/uz-cyrl/").text
    assert "Бегматова Нодира Нумановна" in cyrillic
    assert "Begmatova" not in cyrillic
