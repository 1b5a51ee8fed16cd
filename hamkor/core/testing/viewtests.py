"""The generic view test suite: a model's staff pages are tested by declaring the model.

A test module subclasses :class:`ViewTests` as ``Test<Model>Views``, names the URL prefix and
says how to make a record, and every generic page of the model is checked the same way:
who may open it (the permission, 403 without it, the login page for an anonymous visitor,
404 for a row of another faculty), the list's queries not growing with its rows, create and
edit through the form as a browser posts it, a stale edit (409, the typed value kept), an
edit without its version, delete (and delete refused while records depend), the export's
files and the import page::

    class TestOrgUnitViews(ViewTests):
        urls = "accounts:orgunit"
        edit_changes = {"name_en": "Faculty of Law"}
        create_changes = {"code": "law", "name_uz": "Huquq", "kind": "faculty"}

        def make(self, faculty_a):
            return OrgUnitFactory(institution=faculty_a.institution)

Only the pages named in ``actions`` are tested: the others' tests are left out.
"""

from __future__ import annotations

import csv
import io
import re
from abc import ABC, abstractmethod

from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from openpyxl import load_workbook

from hamkor.core.services import object_save
from hamkor.core.testing.forms import read_form

ACTIONS = ("list", "detail", "history", "add", "edit", "delete", "import", "export")

# Which test checks which page: a test whose page the model does not have is left out.
TESTS_BY_ACTION = {
    "list": (
        "test_list_shows_the_record_to_who_may_read",
        "test_list_refuses_without_the_permission",
        "test_list_queries_do_not_grow_with_the_rows",
    ),
    "detail": ("test_detail_answers_each_persona",),
    "history": ("test_history_shows_the_changes",),
    "add": (
        "test_create_saves_what_the_form_sends",
        "test_add_under_another_faculty_parent_is_not_found",
    ),
    "edit": (
        "test_edit_saves_what_the_form_sends",
        "test_stale_edit_is_refused_and_the_input_kept",
        "test_edit_without_its_version_saves_nothing",
        "test_edit_is_refused_without_the_permission",
        "test_edit_of_another_faculty_row_is_not_found",
    ),
    "delete": ("test_delete_removes_the_record", "test_delete_is_refused_while_records_depend"),
    "import": ("test_import_page_answers_who_may_import",),
    "export": ("test_export_answers_csv_and_xlsx",),
}


class ViewTests(ABC):
    """Declare ``urls`` (``"<app>:<model>"``), :meth:`make`, and what the forms change."""

    urls: str = ""
    actions: tuple[str, ...] = ACTIONS
    # Typed into the edit form (over what it shows) and into the new-record form.
    edit_changes: dict = {}
    create_changes: dict = {}
    # Personas: one who may do everything, one who reads only, one without staff access.
    writer = "officer"
    reader = "leadership"
    outsider = "applicant"

    # Who reads but may not write, refused on the edit and delete pages: the reader, unless
    # only the writer may read (administrators' pages), then the outsider.
    @property
    def non_writer(self) -> str:
        return self.outsider if self.reader == self.writer else self.reader

    # Rows belong to faculties: another faculty's coordinator finds none of faculty A's.
    scoped_by_faculty = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for action, names in TESTS_BY_ACTION.items():
            if action not in cls.actions:
                for name in names:
                    setattr(cls, name, None)
        if not cls.scoped_by_faculty:
            cls.test_edit_of_another_faculty_row_is_not_found = None
        if not cls.scoped_by_faculty or cls.add_kwargs is ViewTests.add_kwargs:
            cls.test_add_under_another_faculty_parent_is_not_found = None
        if cls.make_dependent is None:
            cls.test_delete_is_refused_while_records_depend = None

    @abstractmethod
    def make(self, faculty_a):
        """A new record, within faculty A when rows are scoped by faculty."""

    # ``make_dependent(self, obj)``: a record depending on ``obj`` that forbids deleting it;
    # declare it, and the refused delete is tested.
    make_dependent = None

    def add_kwargs(self, obj) -> dict:
        """The address arguments of the new-record page, given a record made by :meth:`make`
        (e.g. ``{"agreement_pk": ...}`` for a quota added from its agreement's page)."""
        return {}

    # --- helpers --------------------------------------------------------------------------

    @property
    def model(self):
        app_label, model_name = self.urls.split(":")
        return apps.get_model(app_label, model_name)

    def url(self, action: str, obj=None, **kwargs) -> str:
        if obj is not None:
            kwargs["pk"] = obj.pk
        return reverse(f"{self.urls}_{action}", kwargs=kwargs or None)

    def shown(self, obj) -> str:
        """What the record's pages show of it (its name, escaped)."""
        return escape(str(obj))

    def listed(self, obj) -> str:
        """What the list shows of the record; its name unless the table shows it otherwise."""
        return self.shown(obj)

    # --- list -----------------------------------------------------------------------------

    def test_list_shows_the_record_to_who_may_read(self, as_user, faculty_a):
        obj = self.make(faculty_a)
        for persona in (self.writer, self.reader):
            response = as_user(persona).get(self.url("list"), {"per_page": 100})
            assert response.status_code == 200, persona
            assert self.listed(obj) in response.text, persona

    def test_list_refuses_without_the_permission(self, as_user, client):
        anonymous = client.get(self.url("list"))
        assert anonymous.status_code == 302
        assert anonymous["Location"].startswith(reverse("accounts:login"))
        assert as_user(self.outsider).get(self.url("list")).status_code == 403

    def test_list_queries_do_not_grow_with_the_rows(self, as_user, faculty_a):
        client = as_user(self.writer)
        self.make(faculty_a)
        client.get(self.url("list"))  # warm the session and the permission caches
        with CaptureQueriesContext(connection) as one_row:
            client.get(self.url("list"), {"per_page": 100})
        for _ in range(5):
            self.make(faculty_a)
        with CaptureQueriesContext(connection) as six_rows:
            client.get(self.url("list"), {"per_page": 100})
        assert len(six_rows) <= len(one_row), [q["sql"] for q in six_rows.captured_queries]

    # --- one record -----------------------------------------------------------------------

    def test_detail_answers_each_persona(self, as_user, client, faculty_a):
        obj = self.make(faculty_a)
        url = self.url("detail", obj)
        assert client.get(url).status_code == 302
        assert as_user(self.outsider).get(url).status_code == 403
        response = as_user(self.reader).get(url)
        assert response.status_code == 200
        assert self.shown(obj) in response.text

    def test_history_shows_the_changes(self, as_user, faculty_a, officer):
        obj = self.make(faculty_a)
        object_save(instance=obj, actor=officer, reason="tests.saved_by_the_suite")
        response = as_user(self.reader).get(self.url("history", obj))
        assert response.status_code == 200
        # The change code reads as its label (an unlabelled one as words), never as the code.
        assert "Saved by the suite" in response.text
        assert "tests.saved_by_the_suite" not in response.text

    # --- create and edit ------------------------------------------------------------------

    def test_create_saves_what_the_form_sends(self, as_user, faculty_a):
        existing = self.make(faculty_a)  # what the new record refers to exists
        client = as_user(self.writer)
        url = self.url("add", **self.add_kwargs(existing))
        page = client.get(url)
        assert page.status_code == 200
        data = {**read_form(page.text), **self.create_changes}
        before = self.model.objects.count()
        response = client.post(url, data)
        assert response.status_code == 302, read_errors(response)
        assert self.model.objects.count() == before + 1

    def test_add_under_another_faculty_parent_is_not_found(self, as_user, faculty_a):
        """A record added under a parent (``add_kwargs``) of faculty A: not for faculty B."""
        url = self.url("add", **self.add_kwargs(self.make(faculty_a)))
        assert as_user("coordinator").get(url).status_code == 200
        assert as_user("coordinator_b").get(url).status_code == 404
        assert as_user("coordinator_b").post(url, self.create_changes).status_code == 404

    def edit_form(self, client, obj) -> dict:
        page = client.get(self.url("edit", obj))
        assert page.status_code == 200
        return {**read_form(page.text), **self.edit_changes}

    def test_edit_saves_what_the_form_sends(self, as_user, faculty_a):
        obj = self.make(faculty_a)
        client = as_user(self.writer)
        response = client.post(self.url("edit", obj), self.edit_form(client, obj))
        assert response.status_code == 302, read_errors(response)
        version = obj.version
        obj.refresh_from_db()
        assert obj.version == version + 1

    def test_stale_edit_is_refused_and_the_input_kept(self, as_user, faculty_a, officer):
        obj = self.make(faculty_a)
        client = as_user(self.writer)
        data = self.edit_form(client, obj)
        object_save(instance=type(obj).objects.get(pk=obj.pk), actor=officer, reason="t.saved")
        response = client.post(self.url("edit", obj), data)
        assert response.status_code == 409
        for value in self.edit_changes.values():
            assert escape(str(value)) in response.text
        stored = type(obj).objects.get(pk=obj.pk)
        assert stored.version == obj.version + 1  # only the other save

    def test_edit_without_its_version_saves_nothing(self, as_user, faculty_a):
        obj = self.make(faculty_a)
        client = as_user(self.writer)
        data = self.edit_form(client, obj)
        del data["_version"]
        response = client.post(self.url("edit", obj), data)
        assert response.status_code == 400
        assert type(obj).objects.get(pk=obj.pk).version == obj.version

    def test_edit_is_refused_without_the_permission(self, as_user, client, faculty_a):
        obj = self.make(faculty_a)
        url = self.url("edit", obj)
        assert client.get(url).status_code == 302
        assert as_user(self.non_writer).get(url).status_code == 403
        assert as_user(self.non_writer).post(url, {}).status_code == 403

    def test_edit_of_another_faculty_row_is_not_found(self, as_user, faculty_a):
        obj = self.make(faculty_a)
        url = self.url("edit", obj)
        assert as_user("coordinator").get(url).status_code == 200
        assert as_user("coordinator_b").get(url).status_code == 404

    # --- delete ---------------------------------------------------------------------------

    def test_delete_removes_the_record(self, as_user, faculty_a):
        obj = self.make(faculty_a)
        client = as_user(self.writer)
        url = self.url("delete", obj)
        assert client.get(url).status_code == 200
        assert as_user(self.non_writer).post(url).status_code == 403
        response = as_user(self.writer).post(url)
        assert response.status_code == 302
        assert not type(obj).objects.filter(pk=obj.pk).exists()

    def test_delete_is_refused_while_records_depend(self, as_user, faculty_a):
        obj = self.make(faculty_a)
        self.make_dependent(obj)
        response = as_user(self.writer).post(self.url("delete", obj))
        assert response.status_code == 400
        assert "cannot be deleted while other records depend on it" in response.text
        assert type(obj).objects.filter(pk=obj.pk).exists()

    # --- import and export ----------------------------------------------------------------

    def test_import_page_answers_who_may_import(self, as_user, faculty_a):
        assert as_user(self.writer).get(self.url("import")).status_code == 200
        assert as_user(self.outsider).get(self.url("import")).status_code == 403

    def test_export_answers_csv_and_xlsx(self, as_user, faculty_a):
        self.make(faculty_a)
        client = as_user(self.writer)
        response = client.get(self.url("list"), {"export": "csv"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(b"".join(_content(response)).decode("utf-8-sig"))))
        assert len(rows) >= 2
        response = client.get(self.url("list"), {"export": "xlsx"})
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(b"".join(_content(response)))).active
        assert sheet.max_row >= 2


def _content(response) -> list[bytes]:
    return list(response.streaming_content) if response.streaming else [response.content]


def read_errors(response) -> str:
    """The form's error messages, to say why a save was refused."""
    return (
        " | ".join(
            re.sub(r"<[^>]+>", "", m)
            for m in re.findall(r'class="invalid-feedback[^"]*">(.*?)</div>', response.text, re.S)
        )
        or re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text))[:2000]
    )
