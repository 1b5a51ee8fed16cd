"""The generic bulk import view: upload, preview every row, apply all or nothing."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from hamkor.core import importing, jobs
from hamkor.core.models import ImportJob
from hamkor.core.validators import is_number
from hamkor.core.views.generic.base import (
    ObjectPermissionMixin,
    url_name,
)


class BulkImportView(ObjectPermissionMixin, View):
    """Upload .xlsx or .csv, preview every row with its errors, then apply all or nothing.

    ``import_form_class`` validates one row (the same rules as a single edit);
    ``lookup(values)`` returns the record a row updates, or ``None`` to create one;
    ``apply_rows(rows, actor)`` saves the rows (the hook a domain overrides to call its
    service). The job's bookkeeping stays here.
    """

    action = "import"
    import_form_class = None
    template_name = "core/object_import.html"
    example: dict = {}
    # Told ``(done, total)`` while rows are validated, when a background job validates them.
    progress = None

    def lookup(self, values: dict):
        return None

    # ``lookup_many(list of values)``: the records rows update, for a batch of rows in one
    # query (a record or ``None`` each, in order); ``None`` looks each row up alone.
    lookup_many = None

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
            if not is_number(job_id):
                return self.render(error=_("This import is no longer available."), status=400)
            job = get_object_or_404(
                ImportJob,
                pk=job_id,
                created_by=request.user,
                model=opts.label,
                status=ImportJob.Status.PREVIEWED,
            )
            if jobs.in_background():
                return self.in_background(job, phase="apply")
            return self.apply(job)
        upload = request.FILES.get("file")
        if upload is None:
            return self.render(error=_("Choose a file to import."), status=400)
        if upload.size > importing_max_size():
            return self.render(error=_("The file is too large."), status=400)
        content = upload.read()
        if jobs.in_background():
            # A large file takes longer to check than a request may last: a worker checks it
            # and the job's page shows the progress, then the preview.
            job = ImportJob.objects.create(
                created_by=request.user,
                model=opts.label,
                filename=upload.name[:255],
                content=content,
                status=ImportJob.Status.CHECKING,
            )
            return self.in_background(job, phase="check")
        try:
            result = self.validate(content, keep_rows=False)
        except importing.ImportFileError as exc:
            return self.render(error=exc.message, status=400)
        job = ImportJob.objects.create(
            created_by=request.user,
            model=opts.label,
            filename=upload.name[:255],
            content=content,
            status=ImportJob.Status.PREVIEWED,
            rows_total=result.total,
            rows_rejected=result.rejected_count,
        )
        return self.render(result=result, job=job)

    def in_background(self, job: ImportJob, *, phase: str):
        from hamkor.core.tasks import import_start

        background = import_start(view=self, import_job=job, phase=phase)
        return HttpResponseRedirect(background.get_absolute_url())

    def validate(self, content: bytes, *, keep_rows: bool = True) -> importing.ImportResult:
        """Every row checked; ``keep_rows=False`` keeps only what the preview shows."""
        return importing.validate(
            content=content,
            form_class=self.import_form_class,
            lookup=self.lookup,
            lookup_many=self.lookup_many,
            progress=self.progress,
            keep_rows=keep_rows,
        )

    def apply_rows(self, rows: list[importing.RowResult], actor) -> tuple[int, int]:
        """The import-apply hook: save the valid ``rows`` and answer (created, updated).

        It runs inside one transaction; a ``ValidationError`` (wrap each row's work in
        ``importing.row_context(row)`` to name the row) applies nothing. The default saves
        each row's form; a model whose rows are saved by a service of its own overrides it.
        """
        opts = self.model._meta
        return importing.save_rows(
            rows, actor, reason=f"{opts.app_label}.{opts.model_name}.imported"
        )

    def apply(self, job: ImportJob):
        result = self.validate(bytes(job.content))
        try:
            created, updated = importing.apply(
                result=result, actor=self.request.user, apply_rows=self.apply_rows
            )
        except ValidationError as exc:
            job.status = ImportJob.Status.REJECTED
            job.rows_rejected = result.rejected_count
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
