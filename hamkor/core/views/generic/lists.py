"""The generic list view: search, filters, sorting, pagination and export."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.views import View
from django_tables2 import RequestConfig

from hamkor.core import exporting
from hamkor.core.bulk import bulk_apply, bulk_context
from hamkor.core.views.generic.base import (
    ObjectPermissionMixin,
    is_htmx,
    reverse_or_none,
    url_name,
)


class ObjectListView(ObjectPermissionMixin, View):
    """Search, filters, sorting, pagination and export of one model's records.

    An htmx request gets only the results partial; ``?export=csv|xlsx`` answers the whole
    filtered list (not just the page) in the export columns the table declares
    (``table_class.export_class``, see ``core/exporting.py``).
    """

    filterset_class = None
    table_class = None
    template_name = "core/object_list.html"
    results_template_name = "core/partials/object_list_results.html"
    export_formats = ("csv", "xlsx")
    # Bulk actions offered above the table (see hamkor.core.bulk), and their hooks.
    bulk_actions: tuple[str, ...] = ()
    bulk_transition_labels: dict = {}
    bulk_job_labels: dict = {}

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
        bulk = bulk_context(self) if self.bulk_actions else {}
        table = self.table_class(queryset, request=request, **bulk.pop("table_options", {}))
        per_page = self.per_page(request)
        self.paginate(table, per_page)
        context = self.page_context(
            None,
            filterset=filterset,
            table=table,
            per_page=per_page,
            page_sizes=self.page_sizes(),
            can_add=request.user.has_perm(self._perm("add")),
            can_import=request.user.has_perm(self._perm("import")) and self._has_url("import"),
            can_export=request.user.has_perm(self._perm("export")),
            add_url=self._reverse("add"),
            import_url=self._reverse("import"),
            **bulk,
        )
        if is_htmx(request):
            return render(request, self.results_template_name, context)
        return render(request, self.template_name, context)

    def post(self, request):
        """A bulk action on the rows selected in the list (filtered by the query string)."""
        if not self.bulk_actions:
            return HttpResponseNotAllowed(["GET"])
        filterset = self.filterset_class(
            request.GET or None, queryset=self.get_queryset(), request=request
        )
        queryset = (
            filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset
        )
        return bulk_apply(self, request, queryset)

    def bulk_transition(self, row, *, name: str, request) -> None:
        """Apply the status step ``name`` to ``row`` through the domain's service."""
        raise PermissionDenied

    def bulk_assign_faculty(self, row, *, unit, request) -> None:
        """Assign the faculty ``unit`` to ``row`` through the domain's service."""
        raise PermissionDenied

    def bulk_job(self, rows, *, name: str, request):
        """Start the background job ``name`` over ``rows``; answer the job."""
        raise PermissionDenied

    def bulk_recipient(self, row):
        """``(person, placeholder values)`` an e-mail about ``row`` goes to."""
        raise PermissionDenied

    def export(self, queryset, export_format: str) -> HttpResponse:
        if not self.request.user.has_perm(self._perm("export")):
            raise PermissionDenied
        if export_format not in self.export_formats:
            raise Http404
        queryset = exporting.ordered_as_listed(self.table_class, queryset, self.request)
        rows = queryset.count()
        exporting.export_logged(
            request=self.request,
            name=self.model._meta.label_lower,
            export_format=export_format,
            rows=rows,
            filters={
                key: value
                for key, value in self.request.GET.items()
                if key in self.filterset_class.base_filters
            },
        )
        if rows > settings.HAMKOR_EXPORT_INLINE_MAX:
            from hamkor.core.tasks import export_start

            job = export_start(
                owner=self.request.user,
                export_class=self.table_class.export_class,
                queryset=queryset,
                export_format=export_format,
            )
            return HttpResponseRedirect(job.get_absolute_url())
        return exporting.export_response(
            export=self.table_class.export_class(self.request.user),
            queryset=queryset,
            export_format=export_format,
        )

    def paginate(self, table, per_page: int) -> None:
        """Sort as asked and cut the page; the page size is only ever ``per_page``.

        django-tables2's ``RequestConfig`` would take any number from its own page-size
        parameter, so it is given the sorting alone and the page is cut here.
        """
        RequestConfig(self.request, paginate=False).configure(table)
        try:
            table.paginate(
                page=self.request.GET.get(table.prefixed_page_field, 1), per_page=per_page
            )
        except PageNotAnInteger:
            table.paginate(page=1, per_page=per_page)
        except EmptyPage:
            table.paginate(page=table.paginator.num_pages, per_page=per_page)

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
