from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudentsConfig(AppConfig):
    name = "hamkor.students"
    verbose_name = _("Foreign students")

    def ready(self):
        from hamkor.core.reminders import daily_job_register
        from hamkor.mobility.board import deadline_source_register
        from hamkor.mobility.personal import PERSONAL_FIELDS
        from hamkor.students.deadlines import StudentSource
        from hamkor.students.models import ForeignStudent
        from hamkor.students.reminders import student_reminders_send

        deadline_source_register(StudentSource())
        # Visa data of a student is personal data, hidden as a guest's is.
        PERSONAL_FIELDS[ForeignStudent] = ("visa_number", "visa_valid_from", "visa_valid_to")
        daily_job_register(
            "students",
            lambda: {"reminders": student_reminders_send()},
            describe=lambda result: f"foreign student reminders sent: {result['reminders']}",
        )
