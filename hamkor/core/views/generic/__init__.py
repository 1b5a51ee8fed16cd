"""Generic staff views: list, detail, history, edit, delete, bulk import and merge.

A domain app declares thin subclasses (``queryset``, ``filterset_class``, ``table_class``,
``form_class``…); these classes check the model permission for their action, scope rows with
``restrict(user, action)``, and keep the rules in services. One module per subject:
:mod:`.base` (the permission mixin and shared helpers), :mod:`.lists`, :mod:`.details`
(detail and history), :mod:`.edits` (edit and delete), :mod:`.imports`, :mod:`.merge`
and :mod:`.actions` (a form about one record, a status step);
everything is importable from here.
"""

from hamkor.core.views.generic.actions import ObjectActionView, ObjectStepView
from hamkor.core.views.generic.base import (
    ObjectPermissionMixin,
    _add_errors,
    _display,
    is_htmx,
    reverse_or_none,
    url_name,
)
from hamkor.core.views.generic.details import ObjectDetailView, ObjectHistoryView
from hamkor.core.views.generic.edits import ObjectDeleteView, ObjectEditView
from hamkor.core.views.generic.imports import BulkImportView, importing_max_size
from hamkor.core.views.generic.lists import ObjectListView
from hamkor.core.views.generic.merge import ObjectMergeView

__all__ = [
    "BulkImportView", "ObjectActionView", "ObjectDeleteView", "ObjectDetailView",
    "ObjectEditView", "ObjectHistoryView", "ObjectListView", "ObjectMergeView",
    "ObjectPermissionMixin", "ObjectStepView",
    "_add_errors", "_display", "importing_max_size", "is_htmx", "reverse_or_none", "url_name",
]  # fmt: skip
