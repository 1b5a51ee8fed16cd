"""Staff pages of the website app (no language prefix)."""

from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.website import views
from hamkor.website.content import views_public as content_public
from hamkor.website.content import views_staff as content_staff
from hamkor.website.inquiries import views as inquiries
from hamkor.website.opportunities import views_staff as opportunities
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

# The site's content: news, pages, pictures; previews before publishing; the pictures'
# public files (no language prefix: a text names the same address in every language).
urlpatterns += [
    path("site/images/<str:name>", content_public.image_file, name="siteimage_file"),
    path(
        "staff/news/<int:pk>/step/<str:name>/",
        content_staff.NewsItemStepView.as_view(),
        name="newsitem_transition",
    ),
    path(
        "staff/news/<int:pk>/preview/<str:language>/",
        content_staff.NewsItemPreviewView.as_view(),
        name="newsitem_preview",
    ),
    *model_paths(
        "staff/news",
        "newsitem",
        list=content_staff.NewsItemListView,
        add=content_staff.NewsItemEditView,
        detail=content_staff.NewsItemDetailView,
        edit=content_staff.NewsItemEditView,
        delete=content_staff.NewsItemDeleteView,
        history=content_staff.NewsItemHistoryView,
    ),
    path(
        "staff/pages/<int:pk>/step/<str:name>/",
        content_staff.PageStepView.as_view(),
        name="page_transition",
    ),
    path(
        "staff/pages/<int:pk>/preview/<str:language>/",
        content_staff.PagePreviewView.as_view(),
        name="page_preview",
    ),
    *model_paths(
        "staff/pages",
        "page",
        list=content_staff.PageListView,
        add=content_staff.PageEditView,
        detail=content_staff.PageDetailView,
        edit=content_staff.PageEditView,
        delete=content_staff.PageDeleteView,
        history=content_staff.PageHistoryView,
    ),
    *model_paths(
        "staff/site-images",
        "siteimage",
        list=content_staff.SiteImageListView,
        add=content_staff.SiteImageEditView,
        detail=content_staff.SiteImageDetailView,
        edit=content_staff.SiteImageEditView,
        delete=content_staff.SiteImageDeleteView,
        history=content_staff.SiteImageHistoryView,
    ),
]

# Opportunities, edited like the news.
urlpatterns += [
    path(
        "staff/opportunities/<int:pk>/step/<str:name>/",
        opportunities.OpportunityStepView.as_view(),
        name="opportunity_transition",
    ),
    path(
        "staff/opportunities/<int:pk>/preview/<str:language>/",
        opportunities.OpportunityPreviewView.as_view(),
        name="opportunity_preview",
    ),
    *model_paths(
        "staff/opportunities",
        "opportunity",
        list=opportunities.OpportunityListView,
        add=opportunities.OpportunityEditView,
        detail=opportunities.OpportunityDetailView,
        edit=opportunities.OpportunityEditView,
        delete=opportunities.OpportunityDeleteView,
        history=opportunities.OpportunityHistoryView,
    ),
]
