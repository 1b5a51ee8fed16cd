"""Background jobs: the list of one's jobs, a job's progress page, its result file.

A user sees their own jobs; officers and administrators (``core.view_job``) see every job.
Any other job does not exist for them (404), so a guessed number reveals nothing. The
progress page holds a partial that htmx fetches every second while the job runs; the
partial of a finished job carries no trigger, so the polling stops by itself.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.views import View

from hamkor.core import importing
from hamkor.core.exporting import XLSX_TYPE
from hamkor.core.models import ImportJob, Job
from hamkor.core.views.generic.base import is_htmx

LISTED = 100  # the newest jobs the list shows
CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".xlsx": XLSX_TYPE,
    ".zip": "application/zip",
    ".pdf": "application/pdf",
}


class JobAccessMixin(LoginRequiredMixin):
    """Staff only; rows through ``Job.objects.restrict``."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm("accounts.staff_area"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_job(self, pk: int) -> Job:
        jobs = Job.objects.restrict(self.request.user).select_related("owner", "import_job")
        return get_object_or_404(jobs, pk=pk)


class JobListView(JobAccessMixin, View):
    def get(self, request):
        jobs = Job.objects.restrict(request.user).select_related("owner")[:LISTED]
        return render(
            request,
            "core/job_list.html",
            {
                "jobs": [(job, job_subject(job)) for job in jobs],
                "all_jobs": request.user.has_perm("core.view_job"),
            },
        )


class JobDetailView(JobAccessMixin, View):
    """The job's page; to htmx, only its progress partial."""

    def get(self, request, pk: int):
        job = self.get_job(pk)
        context = job_context(job)
        if is_htmx(request):
            return render(request, "core/partials/job_progress.html", context)
        response = render(request, "core/job_detail.html", context)
        response["Cache-Control"] = "private, no-store"
        return response


class JobDownloadView(JobAccessMixin, View):
    """The result file of a finished job, to whoever may see the job."""

    http_method_names = ["get", "head", "options"]

    def get(self, request, pk: int):
        job = self.get_job(pk)
        if job.status != Job.Status.DONE or not job.result:
            raise Http404
        try:
            handle = job.result.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        extension = "." + job.result_name.rpartition(".")[2].lower()
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=job.result_name,
            content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


def job_subject(job: Job) -> str:
    """What the job is about: the records' plural name, or the kind alone."""
    if job.model:
        try:
            model = apps.get_model(job.model)
        except LookupError:
            return job.get_kind_display()
        return f"{job.get_kind_display()}: {model._meta.verbose_name_plural}"
    return job.get_kind_display()


def job_context(job: Job) -> dict:
    context = {"job": job, "subject": job_subject(job)}
    preview = job.data.get("preview")
    if job.kind == Job.Kind.IMPORT and preview:
        context["result"] = importing.StoredPreview(preview)
        import_job = job.import_job
        # The preview of a checked upload offers to apply it, where the import page would.
        if (
            job.data.get("phase") == "check"
            and import_job is not None
            and import_job.status == ImportJob.Status.PREVIEWED
        ):
            context.update(import_job=import_job, apply_url=job.data.get("url", ""))
    if job.model and job.status == Job.Status.DONE:
        context["list_url"] = _list_url(job.model)
    return context


def _list_url(label: str) -> str | None:
    try:
        model = apps.get_model(label)
        return reverse(f"{model._meta.app_label}:{model._meta.model_name}_list")
    except (LookupError, NoReverseMatch):
        return None
