from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.students.views import figures, portal, requests, students

app_name = "students"

urlpatterns = [
    # The foreign student's own pages ("My university"; any linked account).
    path("my/university/", portal.UniversityView.as_view(), name="portal"),
    path(
        "my/university/requests/<int:pk>/",
        portal.PortalRequestView.as_view(),
        name="portal_request",
    ),
    path(
        "my/university/files/<int:pk>/",
        portal.PortalRequestFileView.as_view(),
        name="portal_download",
    ),
    path("staff/foreign-students/figures/", figures.StudentFiguresView.as_view(), name="figures"),
    path(
        "staff/foreign-students/<int:pk>/step/<str:name>/",
        students.ForeignStudentStepView.as_view(),
        name="foreignstudent_transition",
    ),
    path(
        "staff/foreign-students/<int:student_pk>/payments/add/",
        students.FeePaymentEditView.as_view(),
        name="feepayment_add",
    ),
    *model_paths(
        "staff/foreign-students/payments", "feepayment", delete=students.FeePaymentDeleteView
    ),
    *model_paths(
        "staff/foreign-students",
        "foreignstudent",
        list=students.ForeignStudentListView,
        add=students.ForeignStudentEditView,
        import_=students.ForeignStudentImportView,
        detail=students.ForeignStudentDetailView,
        edit=students.ForeignStudentEditView,
        delete=students.ForeignStudentDeleteView,
        history=students.ForeignStudentHistoryView,
    ),
    path(
        "staff/student-requests/<int:pk>/step/<str:name>/",
        requests.StudentRequestStepView.as_view(),
        name="studentrequest_transition",
    ),
    path(
        "staff/student-requests/<int:pk>/reply/",
        requests.StudentRequestReplyView.as_view(),
        name="studentrequest_reply",
    ),
    *model_paths(
        "staff/student-requests",
        "studentrequest",
        list=requests.StudentRequestListView,
        add=requests.StudentRequestEditView,
        import_=requests.StudentRequestImportView,
        detail=requests.StudentRequestDetailView,
        edit=requests.StudentRequestEditView,
        delete=requests.StudentRequestDeleteView,
        history=requests.StudentRequestHistoryView,
    ),
]
