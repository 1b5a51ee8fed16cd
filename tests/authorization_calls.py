"""The calls' rows of the authorization matrix, the records they open, and their addresses'
arguments (``tests/test_authorization_matrix.py`` gathers them)."""

from __future__ import annotations

# Expected status for GET, per persona: admin officer coord coord_b leader applicant anonymous
_STAFF_READ = (200, 200, 200, 200, 200, 403, 403, 403, 403, 302)
_OFFICE_WRITE = (200, 200, 403, 403, 403, 403, 403, 403, 403, 302)
_FACULTY_READ = (200, 200, 200, 404, 200, 403, 403, 403, 403, 302)
# A reviewer lists the calls (and applications) they review; the matrix's open call is not
# one of them.
_CALLS_LIST = (200, 200, 200, 200, 200, 403, 403, 403, 200, 302)
_CALLS_DETAIL = (200, 200, 200, 200, 200, 403, 403, 403, 404, 302)
_FACULTY_WRITE = (200, 200, 200, 404, 403, 403, 403, 403, 403, 302)
_OWN_ONLY = (404, 404, 404, 404, 404, 200, 404, 404, 404, 302)
_POST_ONLY_LOGGED_IN = (405, 405, 405, 405, 405, 405, 405, 405, 405, 302)
_EVERYONE = (200,) * 10

CALLS_MATRIX: dict[str, tuple[int, ...]] = {
    # The office runs calls; every staff role reads them.
    "calls:call_list": _CALLS_LIST,
    "calls:call_detail": _CALLS_DETAIL,
    "calls:call_history": _CALLS_DETAIL,
    "calls:call_add": _OFFICE_WRITE,
    "calls:call_edit": _OFFICE_WRITE,
    "calls:call_delete": _OFFICE_WRITE,
    "calls:call_transition": _OFFICE_WRITE,
    "calls:place_add": _OFFICE_WRITE,
    "calls:place_edit": _OFFICE_WRITE,
    "calls:place_delete": _OFFICE_WRITE,
    "calls:criterion_add": _OFFICE_WRITE,
    "calls:criterion_edit": _OFFICE_WRITE,
    "calls:criterion_delete": _OFFICE_WRITE,
    # An application from faculty A: its coordinator reads and admits it, faculty B's finds
    # nothing; leadership reads; applicants never reach others' applications.
    "calls:application_list": _CALLS_LIST,
    "calls:application_detail": (200, 200, 200, 404, 200, 403, 403, 403, 404, 302),
    "calls:application_history": (200, 200, 200, 404, 200, 403, 403, 403, 404, 302),
    "calls:application_override": _FACULTY_WRITE,
    # The applicant's own pages: anyone logged in may start an application to an open call
    # (staff without a person get the friendly page; the applicant persona, who has applied,
    # is sent to their application); an application is its applicant's only.
    "calls:apply": (200, 200, 200, 200, 200, 302, 200, 200, 200, 302),
    "calls:my_application": _OWN_ONLY,
    "calls:my_document": _OWN_ONLY,
    "calls:my_application_upload": _POST_ONLY_LOGGED_IN,
    "calls:my_application_step": _POST_ONLY_LOGGED_IN,
    # Public: a call's page, the registration, the confirmation link (unknown: the button
    # page, which then refuses).
    "public:call_detail": _EVERYONE,
    "public:applicant_register": _EVERYONE,
    "public:applicant_confirm": _EVERYONE,
}


def calls_records(faculty_a, applicant, officer) -> dict:
    """An open call with a place and a criterion; a submitted application from faculty A
    (someone else's); the applicant persona's own draft with a document."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from hamkor.accounts.tests.factories import UserFactory
    from hamkor.calls.models import Application, ApplicationDocument
    from hamkor.calls.tests.factories import open_call, person_for
    from hamkor.core.documents import document_add
    from hamkor.mobility.models import Person

    call = open_call(places=1)
    other = UserFactory(roles=["applicant"])
    application = Application.objects.create(
        call=call, applicant=other, person=person_for(other, faculty_a)
    )
    Application.objects.filter(pk=application.pk).update(status="submitted", eligible=False)
    person = Person.objects.filter(user=applicant).first() or person_for(applicant, faculty_a)
    own = Application.objects.create(call=call, applicant=applicant, person=person)
    document = document_add(
        record=own,
        kind="application",
        upload=SimpleUploadedFile("transcript.pdf", b"%PDF-1.4\n%%EOF\n"),
        actor=applicant,
    )
    ApplicationDocument.objects.create(application=own, kind="transcript", document=document)
    return {
        "call": call.pk,
        "place": call.places.get().pk,
        "criterion": call.criteria.first().pk,
        "application": application.pk,
        "own_application": own.pk,
        "own_version": document.current.pk,
    }


def calls_kwargs(name: str, objects: dict) -> dict | None:
    """The address arguments of a calls page, or None for a name not of the calls."""
    if name == "calls:call_transition":
        return {"pk": objects["call"], "name": "close"}
    if name in ("calls:place_add", "calls:criterion_add"):
        return {"call_pk": objects["call"]}
    if name in ("calls:apply", "public:call_detail"):
        return {"pk": objects["call"]}
    if name in ("calls:my_application", "calls:my_application_upload"):
        return {"pk": objects["own_application"]}
    if name == "calls:my_application_step":
        return {"pk": objects["own_application"], "step": "withdraw"}
    if name == "calls:my_document":
        return {"pk": objects["own_version"]}
    if name == "calls:application_override":
        return {"pk": objects["application"]}
    if name == "public:applicant_confirm":
        return {"token": "unknown-code"}
    return None
