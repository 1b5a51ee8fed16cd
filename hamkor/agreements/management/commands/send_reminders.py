"""``hamkor send-reminders``: the daily task, for installations that run cron, not Celery beat."""

from django.core.management.base import BaseCommand

from hamkor.agreements.tasks import daily_reminders
from hamkor.mobility.tasks import daily_reminders as mobility_daily_reminders


class Command(BaseCommand):
    help = (
        "Expire agreements past their end and e-mail renewal reminders (180/90/30 days); "
        "e-mail the reminders of guests' registrations, visas and trip reports."
    )

    def handle(self, *args, **options):
        result = daily_reminders()
        self.stdout.write(
            f"expired: {result['expired']}, renewed automatically: {result['renewed']}, "
            f"reminders sent: {result['reminders']}"
        )
        mobility = mobility_daily_reminders()
        self.stdout.write(f"mobility reminders sent: {mobility['reminders']}")
