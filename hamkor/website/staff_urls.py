"""Staff pages of the website app (no language prefix)."""

from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.website import views
from hamkor.website.inquiries import views as inquiries
from hamkor.website.reception import views as reception

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
    path(
        "staff/inquiries/<int:pk>/step/<str:name>/",
        inquiries.InquiryStepView.as_view(),
        name="inquiry_transition",
    ),
    *model_paths(
        "staff/inquiries",
        "inquiry",
        list=inquiries.InquiryListView,
        detail=inquiries.InquiryDetailView,
        delete=inquiries.InquiryDeleteView,
        history=inquiries.InquiryHistoryView,
    ),
    path("staff/bookings/day/", reception.BookingDayView.as_view(), name="booking_day"),
    path(
        "staff/bookings/<int:pk>/step/<str:name>/",
        reception.BookingStepView.as_view(),
        name="booking_transition",
    ),
    *model_paths(
        "staff/bookings",
        "booking",
        list=reception.BookingListView,
        detail=reception.BookingDetailView,
        history=reception.BookingHistoryView,
    ),
    *model_paths(
        "staff/reception-hours",
        "receptionhours",
        list=reception.ReceptionHoursListView,
        add=reception.ReceptionHoursEditView,
        detail=reception.ReceptionHoursDetailView,
        edit=reception.ReceptionHoursEditView,
        delete=reception.ReceptionHoursDeleteView,
        history=reception.ReceptionHoursHistoryView,
    ),
    *model_paths(
        "staff/holidays",
        "holiday",
        list=reception.HolidayListView,
        add=reception.HolidayEditView,
        detail=reception.HolidayDetailView,
        edit=reception.HolidayEditView,
        delete=reception.HolidayDeleteView,
        history=reception.HolidayHistoryView,
    ),
]
