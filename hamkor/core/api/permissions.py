"""API permissions: the same model permissions as the pages, reading included."""

from rest_framework.permissions import BasePermission, DjangoModelPermissions


class RolePermissions(DjangoModelPermissions):
    """GET needs ``view_<model>``; writes need add/change/delete, as on the staff pages.

    Rows are scoped by each viewset's ``get_queryset`` through ``restrict``.
    """

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
    }


class StaffOnly(BasePermission):
    """The API description is for office staff, like the staff pages."""

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.has_perm("accounts.staff_area"))
