"""Staff pages of the website app (no language prefix)."""

from hamkor.core.urls_helpers import model_paths
from hamkor.website import views

app_name = "website"

urlpatterns = [
    *model_paths(
        "staff/department",
        "departmentprofile",
        detail=views.DepartmentProfileDetailView,
        edit=views.DepartmentProfileEditView,
        history=views.DepartmentProfileHistoryView,
    ),
]
