"""``hamkor demo-data``: load the demo data set; running it again changes nothing.

Each app that has demo data provides ``demo.load(stdout)``; they run in the order below,
inside one transaction, so a failure leaves the database as it was.
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

STEPS = ("hamkor.partners.demo", "hamkor.accounts.demo", "hamkor.website.demo")


class Command(BaseCommand):
    help = "Load the demo data set (idempotent) and print one login per role."

    def handle(self, *args, **options):
        with transaction.atomic():
            for step in STEPS:
                import_module(step).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
