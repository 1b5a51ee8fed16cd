"""Generic staff views: list, detail, history, edit, delete and bulk import.

A domain app declares thin subclasses (``queryset``, ``filterset_class``, ``table_class``,
``form_class``…); these classes check the model permission for their action, scope rows with
``restrict(user, action)``, and keep the rules in services.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views import View
from django_tables2 import RequestConfig
from django_tables2.export import TableExport

from hamkor.core import importing
from hamkor.core.models import ImportJob
from hamkor.core.services import StaleObjectError, object_delete, object_save


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true" and not request.headers.get("HX-Boosted")


def reverse_or_none(name: str, **kwargs) -> str | None:
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def url_name(model: type[models.Model], action: str) -> str:
    """``<app>:<model>_<action>``, the project's URL naming rule."""
    return f"{model._meta.app_label}:{model._meta.model_name}_{action}"


class ObjectPermissionMixin(LoginRequiredMixin):
    """Requires the model permission for ``action``; rows come from ``restrict``."""

    queryset: models.QuerySet
    action = "view"

    @property
    def model(self) -> type[models.Model]:
        return self.queryset.model

    def get_required_permission(self) -> str:
        opts = self.model._meta
        return f"{opts.app_label}.{self.action}_{opts.model_name}"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm(self.get_required_permission()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self, action: str | None = None) -> models.QuerySet:
        return self.queryset.restrict(self.request.user, action or self.action)

    def get_object(self, action: str | None = None) -> models.Model:
        return get_object_or_404(self.get_queryset(action), pk=self.kwargs["pk"])

    def base_context(self, **extra) -> dict:
        opts = self.model._meta
        return {
            "model": self.model,
            "verbose_name": opts.verbose_name,
            "verbose_name_plural": opts.verbose_name_plural,
            "list_url": reverse_or_none(url_name(self.model, "list")),
            **extra,
        }


class ObjectListView(ObjectPermissionMixin, View):
    """Search, filters, sorting, pagination and export of one model's records.

    An htmx request gets only the results partial; ``?export=csv|xlsx`` answers the whole
    filtered list (not just the page) in the table's columns.
    """

    filterset_class = None
    table_class = None
    template_name = "core/object_list.html"
    results_template_name = "core/partials/object_list_results.html"
    export_formats = ("csv", "xlsx")

    def get(self, request):
        filterset = self.filterset_class(
            request.GET or None, queryset=self.get_queryset(), request=request
        )
        queryset = (
            filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset
        )
        export_format = request.GET.get("export")
        if export_format:
            return self.export(queryset, export_format)
        table = self.table_class(queryset, request=request)
        per_page = self.per_page(request)
        RequestConfig(request, paginate={"per_page": per_page}).configure(table)
        context = self.base_context(
            filterset=filterset,
            table=table,
            per_page=per_page,
            page_sizes=self.page_sizes(),
            can_add=request.user.has_perm(self._perm("add")),
            can_import=request.user.has_perm(self._perm("import")) and self._has_url("import"),
            can_export=request.user.has_perm(self._perm("export")),
            add_url=self._reverse("add"),
            import_url=self._reverse("import"),
        )
        if is_htmx(request):
            return render(request, self.results_template_name, context)
        return render(request, self.template_name, context)

    def export(self, queryset, export_format: str) -> HttpResponse:
        if not self.request.user.has_perm(self._perm("export")):
            raise PermissionDenied
        if export_format not in self.export_formats:
            raise Http404
        table = self.table_class(queryset, request=self.request)
        RequestConfig(self.request, paginate=False).configure(table)
        exporter = TableExport(export_format, table, exclude_columns=table.export_exclude)
        return exporter.response(f"{self.model._meta.model_name}s.{export_format}")

    def per_page(self, request) -> int:
        sizes = self.page_sizes()
        try:
            value = int(request.GET.get("per_page", sizes[0]))
        except ValueError:
            return sizes[0]
        return value if value in sizes else sizes[0]

    def page_sizes(self):
        from django.conf import settings

        return settings.HAMKOR_PAGE_SIZES

    def _perm(self, action: str) -> str:
        opts = self.model._meta
        return f"{opts.app_label}.{action}_{opts.model_name}"

    def _has_url(self, action: str) -> bool:
        return self._reverse(action) is not None

    def _reverse(self, action: str) -> str | None:
        return reverse_or_none(url_name(self.model, action))


class ObjectDetailView(ObjectPermissionMixin, View):
    """One record; the template is ``<app>/<model>_detail.html``."""

    template_name = None

    def get_template_names(self) -> str:
        opts = self.model._meta
        return self.template_name or f"{opts.app_label}/{opts.model_name}_detail.html"

    def get_extra_context(self, obj) -> dict:
        return {}

    def get(self, request, pk):
        obj = self.get_object()
        context = self.base_context(object=obj, tab="detail", **self.object_actions(obj))
        context.update(self.get_extra_context(obj))
        return render(request, self.get_template_names(), context)

    def object_actions(self, obj) -> dict:
        """Edit and delete links, for a user allowed to act on this very row."""
        actions = {}
        for action, verb in (("edit", "change"), ("delete", "delete")):
            url = reverse_or_none(url_name(self.model, action), pk=obj.pk)
            allowed = url and self.queryset.restrict(self.request.user, verb).filter(pk=obj.pk)
            actions[f"{action}_url"] = url if allowed and allowed.exists() else None
        return actions


class ObjectHistoryView(ObjectDetailView):
    """The record's history: who, when, why, and what changed field by field."""

    template_name = "core/object_history.html"

    def get(self, request, pk):
        obj = self.get_object()
        records = list(
            obj.history.select_related("history_user").order_by("-history_date", "-history_id")
        )
        timeline = []
        for record, previous in zip(records, [*records[1:], None], strict=True):
            changes = []
            if previous is not None:
                delta = record.diff_against(previous, foreign_keys_are_objs=False)
                for change in delta.changes:
                    if change.field in ("version", "updated_at"):
                        continue
                    field = obj._meta.get_field(change.field)
                    changes.append(
                        {
                            "field": capfirst(field.verbose_name),
                            "old": _display(record, field, change.old),
                            "new": _display(record, field, change.new),
                        }
                    )
            timeline.append({"record": record, "changes": changes})
        context = self.base_context(
            object=obj, tab="history", timeline=timeline, **self.object_actions(obj)
        )
        return render(request, self.template_name, context)


def _add_errors(form, exc: ValidationError) -> None:
    """Put a service's errors beside the fields they name, the rest above the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _display(record, field, value) -> str:
    if value in (None, ""):
        return "—"
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        target = field.related_model._base_manager.filter(pk=value).first()
        return str(target) if target else f"#{value}"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


class ObjectEditView(ObjectPermissionMixin, View):
    """Create (no ``pk``) or edit a record with optimistic concurrency.

    The form carries the version it was opened at; a save based on a stale version is refused
    with who changed it and when, and the user's input is shown again beside the stored values.
    """

    form_class = None
    template_name = "core/object_edit.html"
    change_reason = None  # e.g. "accounts.orgunit.edited"; defaults from the model

    @property
    def action(self) -> str:
        return "change" if "pk" in self.kwargs else "add"

    def get_form_kwargs(self) -> dict:
        return {"user": self.request.user} if getattr(self.form_class, "takes_user", False) else {}

    def get_initial_object(self):
        return self.model()

    def get(self, request, pk=None):
        obj = self.get_object() if pk else self.get_initial_object()
        form = self.form_class(instance=obj, **self.get_form_kwargs())
        return self.render(obj, form, version=obj.version if pk else None)

    def post(self, request, pk=None):
        obj = self.get_object() if pk else self.get_initial_object()
        form = self.form_class(request.POST, request.FILES, instance=obj, **self.get_form_kwargs())
        version = self._posted_version()
        if form.is_valid():
            try:
                instance = self.save(form, expected_version=version if pk else None)
            except StaleObjectError as exc:
                form.add_error(None, exc.message)
                return self.render(
                    obj,
                    form,
                    version=exc.current.version,
                    conflicts=self.conflicts(form, exc.current),
                    status=409,
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, self.success_message(instance))
                return HttpResponseRedirect(self.get_success_url(instance))
        return self.render(obj, form, version=version, status=400)

    @transaction.atomic
    def save(self, form, *, expected_version: int | None):
        """Save through the service; subclasses add what their model needs besides."""
        instance = form.save(commit=False)
        object_save(
            instance=instance,
            actor=self.request.user,
            reason=self.get_change_reason(),
            expected_version=expected_version,
        )
        form.save_m2m()
        return instance

    def _posted_version(self) -> int | None:
        try:
            return int(self.request.POST.get("_version", ""))
        except ValueError:
            return None

    def get_change_reason(self) -> str:
        opts = self.model._meta
        verb = "edited" if self.action == "change" else "created"
        return self.change_reason or f"{opts.app_label}.{opts.model_name}.{verb}"

    def success_message(self, instance) -> str:
        if self.action == "change":
            return _("%(name)s saved.") % {"name": instance}
        return _("%(kind)s %(name)s created.") % {
            "kind": capfirst(self.model._meta.verbose_name),
            "name": instance,
        }

    def get_success_url(self, instance) -> str:
        return reverse(url_name(self.model, "detail"), kwargs={"pk": instance.pk})

    def conflicts(self, form, current) -> list[dict]:
        """Fields where the stored record and the user's input now differ."""
        rows = []
        for name in form.changed_data:
            try:
                field = current._meta.get_field(name)
            except Exception:
                continue
            stored = field.value_from_object(current)
            mine = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
            if isinstance(mine, models.Model):
                mine = mine.pk
            if stored != mine and not field.many_to_many:
                rows.append(
                    {
                        "field": capfirst(field.verbose_name),
                        "stored": _display(current, field, stored),
                        "mine": _display(current, field, mine),
                    }
                )
        return rows

    def render(self, obj, form, *, version, conflicts=(), status=200):
        context = self.base_context(
            object=obj if obj.pk else None, form=form, version=version, conflicts=conflicts
        )
        return render(self.request, self.template_name, context, status=status)


class ObjectDeleteView(ObjectPermissionMixin, View):
    """Confirm, then delete; refused with the list of records that depend on it."""

    action = "delete"
    template_name = "core/object_delete.html"

    def get(self, request, pk):
        obj = self.get_object()
        from hamkor.core.services import dependents

        return render(
            request, self.template_name, self.base_context(object=obj, blocking=dependents(obj))
        )

    def post(self, request, pk):
        obj = self.get_object()
        opts = self.model._meta
        try:
            object_delete(
                instance=obj,
                actor=request.user,
                reason=f"{opts.app_label}.{opts.model_name}.deleted",
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(
                reverse(url_name(self.model, "detail"), kwargs={"pk": obj.pk})
            )
        messages.success(request, _("%(name)s deleted.") % {"name": obj})
        return HttpResponseRedirect(self.get_success_url(obj))

    def get_success_url(self, obj) -> str:
        """Where to go once ``obj`` is deleted: the list, or a parent record's page."""
        return reverse(url_name(self.model, "list"))


class BulkImportView(ObjectPermissionMixin, View):
    """Upload .xlsx or .csv, preview every row with its errors, then apply all or nothing.

    ``import_form_class`` validates one row (the same rules as a single edit);
    ``lookup(values)`` returns the record a row updates, or ``None`` to create one.
    """

    action = "import"
    import_form_class = None
    template_name = "core/object_import.html"
    example: dict = {}

    def lookup(self, values: dict):
        return None

    def get(self, request):
        if request.GET.get("template") == "xlsx":
            content = importing.template_workbook(
                form_class=self.import_form_class, example=self.example
            )
            response = HttpResponse(
                content,
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = (
                f'attachment; filename="{self.model._meta.model_name}-import.xlsx"'
            )
            return response
        return self.render()

    def post(self, request):
        opts = self.model._meta
        job_id = request.POST.get("job", "")
        if job_id:
            if not job_id.isdigit():
                return self.render(error=_("This import is no longer available."), status=400)
            job = get_object_or_404(
                ImportJob,
                pk=job_id,
                created_by=request.user,
                model=opts.label,
                status=ImportJob.Status.PREVIEWED,
            )
            return self.apply(job)
        upload = request.FILES.get("file")
        if upload is None:
            return self.render(error=_("Choose a file to import."), status=400)
        if upload.size > importing_max_size():
            return self.render(error=_("The file is too large."), status=400)
        content = upload.read()
        try:
            result = self.validate(content)
        except importing.ImportFileError as exc:
            return self.render(error=exc.message, status=400)
        job = ImportJob.objects.create(
            created_by=request.user,
            model=opts.label,
            filename=upload.name[:255],
            content=content,
            status=ImportJob.Status.PREVIEWED,
            rows_total=len(result.rows),
            rows_rejected=len(result.rejected),
        )
        return self.render(result=result, job=job)

    def validate(self, content: bytes) -> importing.ImportResult:
        return importing.validate(
            content=content, form_class=self.import_form_class, lookup=self.lookup
        )

    def apply(self, job: ImportJob):
        result = self.validate(bytes(job.content))
        opts = self.model._meta
        try:
            created, updated = importing.apply(
                result=result,
                actor=self.request.user,
                reason=f"{opts.app_label}.{opts.model_name}.imported",
            )
        except ValidationError as exc:
            job.status = ImportJob.Status.REJECTED
            job.rows_rejected = len(result.rejected)
            job.save(update_fields=["status", "rows_rejected"])
            return self.render(result=result, error=" ".join(exc.messages), status=400)
        job.status = ImportJob.Status.APPLIED
        job.rows_created, job.rows_updated = created, updated
        job.save(update_fields=["status", "rows_created", "rows_updated"])
        messages.success(
            self.request,
            _("Import applied: %(created)d created, %(updated)d updated.")
            % {"created": created, "updated": updated},
        )
        return HttpResponseRedirect(reverse(url_name(self.model, "list")))

    def render(self, *, result=None, job=None, error=None, status=200):
        context = self.base_context(
            result=result,
            job=job,
            error=error,
            columns=[
                (name, f.label, f.required)
                for name, f in self.import_form_class.base_fields.items()
            ],
        )
        return render(self.request, self.template_name, context, status=status)


def importing_max_size() -> int:
    from django.conf import settings

    return settings.FILE_UPLOAD_MAX_SIZE


class ObjectMergeView(ObjectPermissionMixin, View):
    """Merge a duplicate into this record: choose it, see what moves, confirm.

    Subclasses give ``merge_form_class`` (a form with a ``duplicate`` field, taking
    ``keep=``), ``merge(keep=, duplicate=, actor=)`` (the service) and ``merge_context``
    (suggestions and search results before a duplicate is chosen, what moves after).
    """

    action = "merge"
    merge_form_class = None

    def merge(self, *, keep, duplicate, actor):
        raise ImproperlyConfigured(f"{type(self).__name__} must define merge()")

    def merge_context(self, keep, *, duplicate, query: str) -> dict:
        return {}

    def get(self, request, pk):
        keep = self.get_object()
        if "duplicate" in request.GET:
            form = self.merge_form_class(request.GET, keep=keep)
            if form.is_valid():
                return self.render(keep, form=form, duplicate=form.cleaned_data["duplicate"])
            messages.error(request, " ".join(form.errors.get("duplicate", [])))
        return self.render(keep, form=self.merge_form_class(keep=keep))

    def post(self, request, pk):
        keep = self.get_object()
        form = self.merge_form_class(request.POST, keep=keep)
        if not form.is_valid():
            return self.render(keep, form=form, status=400)
        duplicate = form.cleaned_data["duplicate"]
        name = str(duplicate)
        try:
            keep = self.merge(keep=keep, duplicate=duplicate, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return self.render(keep, form=form, duplicate=duplicate, status=400)
        messages.success(
            request,
            _("%(duplicate)s was merged into %(keep)s.") % {"duplicate": name, "keep": keep},
        )
        return HttpResponseRedirect(keep.get_absolute_url())

    def render(self, keep, *, form, duplicate=None, status=200):
        query = self.request.GET.get("q", "").strip()[:200]
        context = self.base_context(object=keep, form=form, duplicate=duplicate, q=query)
        context.update(self.merge_context(keep, duplicate=duplicate, query=query))
        return render(self.request, self.template_name, context, status=status)
