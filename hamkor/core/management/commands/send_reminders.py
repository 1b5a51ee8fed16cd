"""``hamkor send-reminders``: the daily jobs, for installations that run cron, not Celery beat."""

from django.core.management.base import BaseCommand

from hamkor.core.reminders import daily_jobs


class Command(BaseCommand):
    help = (
        "Run every app's daily job: expire agreements past their end and e-mail renewal "
        "reminders; e-mail the reminders of guests' registrations, visas and trip reports."
    )

    def handle(self, *args, **options):
        for job in daily_jobs():
            self.stdout.write(job.describe(job.run()))
