"""Django admin for support work (administrators only); the office uses the staff pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.students.models import FeePayment, ForeignStudent, RequestReply, StudentRequest


@admin.register(ForeignStudent)
class ForeignStudentAdmin(SimpleHistoryAdmin):
    list_display = ("person", "faculty", "level", "year_of_study", "status")
    list_filter = ("level", "status")
    search_fields = ("person__last_name", "person__first_name", "contract_number")
    raw_id_fields = ("person", "faculty")


@admin.register(FeePayment)
class FeePaymentAdmin(SimpleHistoryAdmin):
    list_display = ("student", "paid_on", "amount", "currency", "amount_uzs")
    raw_id_fields = ("student",)


class ReplyInline(admin.TabularInline):
    model = RequestReply
    extra = 0
    raw_id_fields = ("author",)


@admin.register(StudentRequest)
class StudentRequestAdmin(SimpleHistoryAdmin):
    list_display = ("subject", "student", "kind", "status", "assignee", "created_at")
    list_filter = ("kind", "status")
    raw_id_fields = ("student", "assignee")
    inlines = (ReplyInline,)
