"""Status steps, declared once: on the model, with django-fsm's ``@transition``.

A model's transition methods carry, in ``custom``, how the step is offered: its label (and
``label_incoming`` for a mobility seen from the guest's side), the Bootstrap button, whether
it asks for a reason or a date, and whether only the daily task takes it (``automatic``).
The detail page's buttons, the step pages, the services and the API all read the steps
from here, so a new transition is one decorated method.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django_fsm import FSMField, FSMModelMixin


@dataclass(frozen=True)
class Step:
    """One named transition of a model, as the user meets it."""

    name: str
    label: str
    button: str = "btn-outline-primary"
    asks_reason: bool = False
    asks_date: bool = False
    automatic: bool = False
    label_incoming: str | None = None

    def label_for(self, instance) -> str:
        """The label seen from the instance's side (a guest "arrives", a traveller "departs")."""
        if self.label_incoming and not getattr(instance, "is_outgoing", True):
            return self.label_incoming
        return self.label


class ProtectedStatusMixin(FSMModelMixin):
    """For a model whose status is an ``FSMField(protected=True)``: it changes through the
    model's transitions only, yet the record still reloads (``refresh_from_db``) and
    validates (``full_clean`` would otherwise write every field back, the status included).
    """

    def clean_fields(self, exclude=None):
        protected = {
            field.name
            for field in self._meta.concrete_fields
            if isinstance(field, FSMField) and field.protected
        }
        super().clean_fields(exclude={*(exclude or ()), *protected})


def status_field(model: type[models.Model]) -> FSMField:
    [field] = [f for f in model._meta.concrete_fields if isinstance(f, FSMField)]
    return field


def _methods(model: type[models.Model]):
    """The model's transition methods, in the order they are declared."""
    for klass in reversed(model.__mro__):
        for name, value in vars(klass).items():
            if callable(value) and hasattr(value, "_django_fsm"):
                yield name, value


def steps(model: type[models.Model]) -> dict[str, Step]:
    """Every step of ``model`` by name, in the order of declaration."""
    declared: dict[str, Step] = {}
    for name, method in _methods(model):
        custom: dict = {}
        for transition in method._django_fsm.transitions.values():
            custom = {**transition.custom, **custom}
        declared[name] = Step(name=name, **custom)
    return declared


def step_get(model: type[models.Model], name: str) -> Step | None:
    return steps(model).get(name)


def steps_from(instance: models.Model) -> list[Step]:
    """The steps declared from the instance's status, whether their conditions hold or not.

    django-fsm's "available" transitions leave out those whose conditions fail, which would
    hide a step (activation without a signed copy) instead of saying what it lacks.
    """
    state = getattr(instance, status_field(type(instance)).name)
    model = type(instance)
    return [
        step
        for step in steps(model).values()
        if getattr(model, step.name)._django_fsm.has_transition(state)
    ]


def steps_available(instance: models.Model, user) -> list[Step]:
    """The steps ``user`` may take now: with the model's ``transition`` permission, on a row
    within their reach, from the current status; those of the daily task left out."""
    opts = instance._meta
    if not user.has_perm(f"{opts.app_label}.transition_{opts.model_name}"):
        return []
    model = type(instance)
    if not model.objects.within_reach(user, instance, "change"):
        return []
    return [step for step in steps_from(instance) if not step.automatic]


def step_check(instance: models.Model, name: str, *, refused: str) -> Step:
    """The step ``name`` if the instance can take it from its status (conditions aside);
    else a ValidationError: unknown step, or ``refused`` (which may name ``%(status)s``)."""
    step = step_get(type(instance), name)
    if step is None:
        raise ValidationError(_("Unknown status change."))
    if step.automatic:
        raise ValidationError(_("Only the daily task takes this step."))
    if name not in {candidate.name for candidate in steps_from(instance)}:
        display = getattr(instance, f"get_{status_field(type(instance)).name}_display")
        raise ValidationError(refused % {"status": display()})
    return step


def conditions_met(instance: models.Model, name: str) -> bool:
    """The step's conditions (``conditions=`` of the transition) hold for the instance."""
    state = getattr(instance, status_field(type(instance)).name)
    return getattr(type(instance), name)._django_fsm.conditions_met(instance, state)


def status_set_initial(instance: models.Model, status: str) -> None:
    """Put a record that is not saved yet directly in ``status``: the one path besides the
    transitions, for records that arrive with a past (an import of an agreement signed
    before Hamkor, the demo data set). A saved record changes status by transitions only.
    """
    if instance.pk is not None:
        raise ValueError("A saved record changes its status through its transitions only.")
    field = status_field(type(instance))
    if status not in dict(field.choices):
        raise ValueError(f"Unknown status {status!r}.")
    # The protected field refuses setattr once set; its own transitions write it this way.
    field.set_state(instance, status)
