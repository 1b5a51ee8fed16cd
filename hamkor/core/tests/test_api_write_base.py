"""The one base every app's API writes through (``core.api.viewsets.ServiceWriteViewSet``):
an update carries its version, a stale one is refused with 409, a service's refusal answers
400 naming the field, and in every refusal nothing is saved. Exercised on events, with
services written here to refuse on purpose."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIRequestFactory, force_authenticate

from hamkor.core.api.viewsets import ServiceWriteViewSet
from hamkor.events.api import EventViewSet
from hamkor.events.models import Event
from hamkor.events.services import event_save
from hamkor.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def _call(viewset, user, method, data=None, pk=None):
    actions = {"post": "create", "patch": "partial_update", "delete": "destroy"}
    view = viewset.as_view({method: actions[method]})
    path = "/api/v1/base-test/" + (f"{pk}/" if pk else "")
    request = getattr(APIRequestFactory(), method)(path, data, format="json")
    force_authenticate(request, user)
    return view(request, pk=pk) if pk else view(request)


def test_a_stale_write_is_409_and_saves_nothing(officer, faculty_a):
    event = EventFactory(home_unit=faculty_a, city="Tashkent")
    response = _call(
        EventViewSet,
        officer,
        "patch",
        {"city": "Samarkand", "version": event.version + 5},
        event.pk,
    )
    assert response.status_code == 409
    assert "after you opened it" in str(response.data["detail"])
    stored = Event.objects.get()
    assert (stored.city, stored.version) == ("Tashkent", event.version)


def test_a_write_without_its_version_is_400_and_saves_nothing(officer, faculty_a):
    event = EventFactory(home_unit=faculty_a, city="Tashkent")
    response = _call(EventViewSet, officer, "patch", {"city": "Samarkand"}, event.pk)
    assert response.status_code == 400
    assert list(response.data) == ["version"]
    assert Event.objects.get().city == "Tashkent"


def _saved_then_refused(*, event, actor, expected_version=None):
    # The row is written first: the base must roll it back when the service refuses.
    event_save(event=event, actor=actor, expected_version=expected_version)
    raise ValidationError({"city": "No events in this city."})


class RefusingEventViewSet(EventViewSet):
    save_service = staticmethod(_saved_then_refused)


def test_a_service_refusal_is_400_naming_the_field_and_saves_nothing(officer, faculty_a):
    event = EventFactory(home_unit=faculty_a, city="Tashkent")
    response = _call(
        RefusingEventViewSet, officer, "patch", {"city": "Atlantis", "version": event.version},
        event.pk,
    )  # fmt: skip
    assert response.status_code == 400
    assert response.data == {"city": ["No events in this city."]}
    stored = Event.objects.get()
    assert (stored.city, stored.version) == ("Tashkent", event.version)
    created = _call(
        RefusingEventViewSet, officer, "post",
        {"kind": "webinar", "organisation": "ours", "format": "online", "title_en": "Lost",
         "start": "2026-03-02", "end": "2026-03-02"},
    )  # fmt: skip
    assert created.status_code == 400 and "city" in created.data
    assert Event.objects.count() == 1


service_calls: list[str] = []


def _create(*, event, actor):
    service_calls.append("create")
    return event_save(event=event, actor=actor)


def _update(*, event, actor, expected_version):
    service_calls.append(f"update {expected_version}")
    return event_save(event=event, actor=actor, expected_version=expected_version)


def _delete(*, event, actor):
    raise ValidationError("This event has certificates issued: it stays.")


class SplitServicesViewSet(ServiceWriteViewSet):
    queryset = EventViewSet.queryset
    serializer_class = EventViewSet.serializer_class
    create_service = staticmethod(_create)
    update_service = staticmethod(_update)
    delete_service = staticmethod(_delete)


def test_create_update_and_delete_each_reach_their_own_service(officer, faculty_a):
    service_calls.clear()
    created = _call(
        SplitServicesViewSet, officer, "post",
        {"kind": "webinar", "organisation": "ours", "format": "online", "title_en": "Grading",
         "start": "2026-03-02", "end": "2026-03-02", "home_unit": faculty_a.pk},
    )  # fmt: skip
    assert created.status_code == 201, created.data
    event = Event.objects.get()
    changed = _call(
        SplitServicesViewSet, officer, "patch", {"city": "Bukhara", "version": event.version},
        event.pk,
    )  # fmt: skip
    assert changed.status_code == 200 and changed.data["city"] == "Bukhara"
    assert service_calls == ["create", f"update {event.version}"]
    kept = _call(SplitServicesViewSet, officer, "delete", pk=event.pk)
    assert kept.status_code == 400
    assert kept.data == {"detail": ["This event has certificates issued: it stays."]}
    assert Event.objects.filter(pk=event.pk).exists()
