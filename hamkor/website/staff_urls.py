"""Staff pages of the website app (no language prefix)."""

from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.website import views

app_name = "website"

urlpatterns = [
    path("staff/department/", views.department_profile_current, name="departmentprofile_current"),
    *model_paths(
        "staff/department",
        "departmentprofile",
        detail=views.DepartmentProfileDetailView,
        edit=views.DepartmentProfileEditView,
        history=views.DepartmentProfileHistoryView,
    ),
]
