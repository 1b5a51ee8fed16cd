"""REST API v1 and its OpenAPI description (offline Swagger UI)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from hamkor.accounts.api import OrgUnitViewSet, UserViewSet
from hamkor.agreements.api import AgreementViewSet, MobilityQuotaViewSet
from hamkor.api.docs import APIDocsView
from hamkor.calls.api import ApplicationViewSet, CallViewSet, CriterionViewSet, PlaceViewSet
from hamkor.calls.portal_api import MyApplicationViewSet
from hamkor.core.api.permissions import StaffOnly
from hamkor.events.api import EventViewSet, ParticipantViewSet, PublicationViewSet
from hamkor.grants.money.api import ExchangeRateViewSet, ExpenseViewSet, ReceiptViewSet
from hamkor.grants.project_api import ProjectViewSet
from hamkor.mobility.api import MobilityViewSet, PersonViewSet
from hamkor.partners.api import ContactViewSet, InstitutionViewSet
from hamkor.reports.api import AchievementsView, IndicatorsView
from hamkor.students.api import FeePaymentViewSet, ForeignStudentViewSet, StudentRequestViewSet

app_name = "api"


class APIRootView(DefaultRouter.APIRootView):
    permission_classes = [StaffOnly]


router = DefaultRouter()
router.APIRootView = APIRootView
router.register("org-units", OrgUnitViewSet, basename="orgunit")
router.register("users", UserViewSet, basename="user")
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("agreement-quotas", MobilityQuotaViewSet, basename="mobilityquota")
router.register("institutions", InstitutionViewSet, basename="institution")
router.register("contacts", ContactViewSet, basename="contact")
router.register("people", PersonViewSet, basename="person")
router.register("mobilities", MobilityViewSet, basename="mobility")
router.register("grant-projects", ProjectViewSet, basename="project")
router.register("foreign-students", ForeignStudentViewSet, basename="foreignstudent")
router.register("fee-payments", FeePaymentViewSet, basename="feepayment")
router.register("student-requests", StudentRequestViewSet, basename="studentrequest")
router.register("receipts", ReceiptViewSet, basename="receipt")
router.register("expenses", ExpenseViewSet, basename="expense")
router.register("exchange-rates", ExchangeRateViewSet, basename="exchangerate")
router.register("events", EventViewSet, basename="event")
router.register("event-participants", ParticipantViewSet, basename="participant")
router.register("event-publications", PublicationViewSet, basename="publication")
router.register("calls", CallViewSet, basename="call")
router.register("call-places", PlaceViewSet, basename="place")
router.register("call-criteria", CriterionViewSet, basename="criterion")
router.register("applications", ApplicationViewSet, basename="application")
# The signed-in applicant's own applications (the portal's pages over HTTP).
router.register("my-applications", MyApplicationViewSet, basename="myapplication")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/achievements/", AchievementsView.as_view(), name="achievements"),
    path("v1/indicators/", IndicatorsView.as_view(), name="indicators"),
    path("schema/", SpectacularAPIView.as_view(permission_classes=[StaffOnly]), name="schema"),
    # The split view serves its script as a file, so the CSP needs no inline script.
    path("docs/", APIDocsView.as_view(), name="docs"),
]
