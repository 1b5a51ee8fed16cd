"""API of the applicant's own applications (``/api/v1/my-applications/``): the portal's pages
over HTTP.

Everything goes through what the pages use: the draft's fields are checked by the page's
``ApplicationForm`` (the call's GPA scale, its places, each place once) and saved by
``applying.application_save``; a new application is started by ``application_start`` (the
call must take applications now); documents by ``application_document_add`` (the page's
``DocumentForm``, the upload checks, the caps); the steps ``submit``, ``withdraw``,
``accept`` and ``decline`` by the services behind the page's buttons (the deadline, the
missing items, the time to answer a place). Every query starts from the user's own
applications: another applicant's, or anybody's for staff, is 404.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from hamkor.calls import applying, results, rules
from hamkor.calls.forms import ApplicationForm, DocumentForm
from hamkor.calls.models import Application, Call, Cefr, DocumentKind, StudyLevel
from hamkor.calls.selectors import own_applications
from hamkor.core.api.viewsets import refusal
from hamkor.core.services import StaleObjectError
from hamkor.core.validators import is_number

# The applicant's steps, by name: the service behind each of the page's buttons.
STEPS = {
    "submit": applying.application_submit,
    "withdraw": applying.application_withdraw,
    "accept": results.application_accept,
    "decline": results.application_decline,
}
# The draft's fields, as the page's form has them.
FIELDS = ApplicationForm.Meta.fields
RESULTS_SHOWN = (Call.Status.PUBLISHED, Call.Status.ARCHIVED)


def _blank_choice(choices, **kwargs):
    return serializers.ChoiceField(choices=choices, allow_blank=True, required=False, **kwargs)


class OwnDocumentSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices, read_only=True)
    filename = serializers.SerializerMethodField()

    def get_filename(self, attached) -> str:
        current = attached.document.current
        return current.filename if current else ""


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class OwnStepsField(serializers.Field):
    """The steps the applicant may take now (those a page would offer as buttons)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, application):
        return own_steps(application)


class RankedPlacesField(serializers.ListField):
    """The places chosen, first choice first, as the ids of the call's places."""

    def get_attribute(self, instance):
        return [p.place_id for p in instance.preferences.all()] if instance.pk else []


def own_steps(application: Application) -> list[str]:
    steps = []
    if application.status == Application.Status.DRAFT:
        steps.append("submit")
    if application.status in (Application.Status.DRAFT, Application.Status.SUBMITTED) and not (
        application.allocated_place_id and application.call.status == Call.Status.PUBLISHED
    ):
        steps.append("withdraw")
    if not results.answer_refusal(application):
        steps += ["accept", "decline"]
    return steps


class MyApplicationSerializer(serializers.ModelSerializer):
    """An application as its applicant sees it on their page. The selection's results
    (outcome, place, reserve position, time to answer) once the call's results are out."""

    call_title = serializers.CharField(source="call.title", read_only=True)
    study_level = _blank_choice(StudyLevel.choices)
    cefr_level = _blank_choice(Cefr.choices)
    preferences = RankedPlacesField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1),
        required=False,
        help_text="The places chosen, first choice first (ids of the call's places).",
    )
    documents = OwnDocumentSerializer(many=True, read_only=True)
    missing = serializers.SerializerMethodField()
    ineligible_because = serializers.SerializerMethodField()
    outcome = serializers.SerializerMethodField()
    allocated_place = serializers.SerializerMethodField()
    reserve_position = serializers.SerializerMethodField()
    offer_deadline = serializers.SerializerMethodField()
    steps = OwnStepsField()
    version = serializers.IntegerField(required=False, min_value=1)

    class Meta:
        model = Application
        fields = [
            "id",
            "call",
            "call_title",
            "status",
            "submitted_at",
            "withdrawn_at",
            *FIELDS,
            "preferences",
            "documents",
            "missing",
            "ineligible_because",
            "outcome",
            "allocated_place",
            "reserve_position",
            "offer_deadline",
            "accepted_at",
            "declined_at",
            "mobility",
            "steps",
            "version",
        ]
        read_only_fields = [
            "status",
            "submitted_at",
            "withdrawn_at",
            "accepted_at",
            "declined_at",
            "mobility",
        ]
        # A call still being prepared is not found (as its public page is not).
        extra_kwargs = {"call": {"queryset": Call.objects.exclude(status=Call.Status.DRAFT)}}

    def _results(self, application, value):
        return value if application.call.status in RESULTS_SHOWN else None

    def get_missing(self, application) -> list[str]:
        """What a draft still lacks before it may be submitted (the page's list)."""
        return rules.missing_items(application) if application.is_draft else []

    def get_ineligible_because(self, application) -> list[str]:
        return rules.reasons_text(application)

    def get_outcome(self, application) -> str | None:
        return self._results(application, application.outcome or None)

    def get_allocated_place(self, application) -> int | None:
        return self._results(application, application.allocated_place_id)

    def get_reserve_position(self, application) -> int | None:
        return self._results(application, application.reserve_position)

    def get_offer_deadline(self, application) -> str | None:
        deadline = self._results(application, application.offer_deadline)
        return deadline.isoformat() if deadline else None


class OwnStepSerializer(serializers.Serializer):
    # The version the step was decided on: an application changed since is refused (409).
    version = serializers.IntegerField(required=False, min_value=1)


class OwnDocumentUploadSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    file = serializers.FileField()


def _form_data(application: Application, sent: Mapping, *, partial: bool) -> dict:
    """The page's form data from a JSON body; a PATCH keeps what it does not name."""
    data = {}
    if partial and application.pk:
        form = ApplicationForm(instance=application, call=application.call)
        data = {name: form[name].value() for name in FIELDS}
        data |= {f"preference_{p.rank}": p.place_id for p in application.preferences.all()}
    data |= {name: sent[name] for name in FIELDS if name in sent}
    if "preferences" in sent:
        data = {k: v for k, v in data.items() if not k.startswith("preference_")}
        ranked = sent["preferences"] if isinstance(sent["preferences"], list) else []
        data |= {f"preference_{rank}": pk for rank, pk in enumerate(ranked, start=1)}
        if len(ranked) > application.call.max_preferences:
            data["_too_many"] = True
    return {k: ("" if v is None else v) for k, v in data.items()}


def _form_errors(form) -> dict:
    """The form's errors by the API's field names (a place's choice is ``preferences``)."""
    errors: dict[str, list[str]] = {}
    for name, messages in form.errors.items():
        key = "preferences" if name.startswith("preference_") else name
        key = "non_field_errors" if key == "__all__" else key
        errors.setdefault(key, []).extend(messages)
    return errors


class MyApplicationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The signed-in user's own applications (any role: whoever may apply on the portal)."""

    serializer_class = MyApplicationSerializer
    permission_classes = [IsAuthenticated]
    queryset = Application.objects.none()  # the schema's model; rows: ``get_queryset``
    pagination_class = None  # a person has a handful of applications

    def get_queryset(self):
        return own_applications(self.request.user).prefetch_related("documents__document")

    # --- writes ----------------------------------------------------------------------------

    def create(self, request, *args, **kwargs):
        """Start an application to a call taking applications now (``application_start``
        refuses any other, as the page does), with the draft's fields."""
        if not isinstance(request.data, Mapping):
            return _one_object()
        sent = MyApplicationSerializer(data=request.data, context=self.get_serializer_context())
        sent.is_valid(raise_exception=True)
        call = sent.validated_data["call"]
        existing = own_applications(request.user).filter(call=call).first()
        if existing is not None:
            return Response(
                {
                    "call": [
                        _("You have applied to this call already: change application %(id)s.")
                        % {"id": existing.pk}
                    ]
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        try:
            application = applying.application_start(call=call, actor=request.user)
        except ValidationError as exc:
            return Response(refusal(exc), status=status.HTTP_400_BAD_REQUEST)
        answer = self._save(application, request.data, application.version, partial=False)
        if answer.status_code == status.HTTP_200_OK:
            answer.status_code = status.HTTP_201_CREATED
        return answer

    def update(self, request, *args, **kwargs):
        """Change the draft (PUT: every field of the form; PATCH: those named)."""
        application = self.get_object()
        if not isinstance(request.data, Mapping):
            return _one_object()
        sent = MyApplicationSerializer(
            application, data=request.data, partial=True, context=self.get_serializer_context()
        )
        sent.is_valid(raise_exception=True)
        version = request.data.get("version")
        if version in (None, ""):
            return Response(
                {"version": [_("Send the version of the record you read.")]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        if not is_number(str(version)):
            return Response(
                {"version": [_("The version is a whole number.")]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return self._save(
            application, request.data, int(version), partial=request.method == "PATCH"
        )

    def _save(self, application, sent, expected_version, *, partial):
        data = _form_data(application, sent, partial=partial)
        too_many = data.pop("_too_many", False)
        form = ApplicationForm(data, instance=application, call=application.call)
        if too_many or not form.is_valid():
            errors = _form_errors(form) if not form.is_valid() else {}
            if too_many:
                errors.setdefault("preferences", []).append(
                    _("Rank at most %(n)s places.") % {"n": application.call.max_preferences}
                )
            return Response(errors, status=status.HTTP_400_BAD_REQUEST)
        try:
            saved = applying.application_save(
                application=form.save(commit=False),
                preferences=form.preferences(),
                actor=self.request.user,
                expected_version=expected_version,
            )
        except StaleObjectError as exc:
            return Response({"detail": exc.messages}, status=status.HTTP_409_CONFLICT)
        except ValidationError as exc:
            return Response(refusal(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(self.get_serializer(self.get_queryset().get(pk=saved.pk)).data)

    # --- the steps and the documents -------------------------------------------------------

    @extend_schema(
        request=OwnStepSerializer,
        parameters=[
            OpenApiParameter(
                "name",
                str,
                OpenApiParameter.PATH,
                enum=list(STEPS),
                description="submit, withdraw, accept (the place offered) or decline it.",
            )
        ],
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"transitions/(?P<name>[a-z_]+)",
        url_name="transition",
    )
    def transition(self, request, pk=None, name=None):
        """Take one of the applicant's steps, as the page's buttons do."""
        application = self.get_object()
        if name not in STEPS:
            return Response(
                {"detail": [_("There is no such step.")]}, status=status.HTTP_404_NOT_FOUND
            )
        step = OwnStepSerializer(data=request.data if isinstance(request.data, Mapping) else {})
        step.is_valid(raise_exception=True)
        version = step.validated_data.get("version")
        if version is not None and version != application.version:
            return Response(
                {"detail": [_("The record changed after you read it: read it again.")]},
                status=status.HTTP_409_CONFLICT,
            )
        try:
            STEPS[name](application=application, actor=request.user)
        except ValidationError as exc:
            return Response(refusal(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(self.get_serializer(self.get_queryset().get(pk=application.pk)).data)

    @extend_schema(
        request={"multipart/form-data": OwnDocumentUploadSerializer},
        responses=MyApplicationSerializer,
    )
    @action(
        detail=True,
        methods=["post"],
        # JSON too, so that a body without its file is told what it lacks (400), not 415.
        parser_classes=[MultiPartParser, FormParser, JSONParser],
        url_path="documents",
        url_name="documents",
    )
    def documents(self, request, pk=None):
        """Attach one of the call's documents to the draft (a second file of a kind is its
        new version), checked as on the page."""
        application = self.get_object()
        form = DocumentForm(request.data, request.FILES)
        if not form.is_valid():
            return Response(dict(form.errors), status=status.HTTP_400_BAD_REQUEST)
        try:
            applying.application_document_add(
                application=application,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                actor=request.user,
            )
        except ValidationError as exc:
            return Response(refusal(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(
            self.get_serializer(self.get_queryset().get(pk=application.pk)).data,
            status=status.HTTP_201_CREATED,
        )


def _one_object() -> Response:
    return Response(
        {"non_field_errors": [_("Send one record, as a JSON object.")]},
        status=status.HTTP_400_BAD_REQUEST,
    )
