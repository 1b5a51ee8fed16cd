"""``hamkor demo-data``: load the demo data set; running it again changes nothing.

Each step is a function ``load*(stdout)`` of a module of :mod:`hamkor.demo`; they run in the
order below, inside one transaction, so a failure leaves the database as it was.
"""

import logging
from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from hamkor.demo.documents import plain_pdfs

STEPS = (
    "hamkor.demo.partners.load_home",
    "hamkor.demo.accounts.load",
    "hamkor.demo.website.load",
    "hamkor.demo.website_content.load",
    "hamkor.demo.partners.load",
    # After the partners: two opportunities name a partner institution.
    "hamkor.demo.website_opportunities.load",
    "hamkor.demo.agreements.load",
    "hamkor.demo.mobility.load",
    "hamkor.demo.grants.load",
    "hamkor.demo.grant_projects.load",
    "hamkor.demo.students.load",
    # After the projects: receipts and expenses go to the funded projects that exist.
    "hamkor.demo.grant_money.load",
    "hamkor.demo.mail.load",
    "hamkor.demo.events.load",
    "hamkor.demo.reception.load",
    "hamkor.demo.calls.load",
    "hamkor.demo.webhooks.load",
    "hamkor.demo.privacy.load",
    # Last: the indicators and targets read every other app's records.
    "hamkor.demo.indicators.load",
)


class Command(BaseCommand):
    help = "Load the demo data set (idempotent) and print one login per role."

    def add_arguments(self, parser):
        parser.add_argument(
            "--plain-pdfs",
            action="store_true",
            help="Write the demo's scanned documents as plain PDFs of their text instead of "
            "drawing them with WeasyPrint (quick: for the tests).",
        )

    def handle(self, *args, **options):
        # The demo's signed copies and certificates are hundreds of small PDFs: WeasyPrint's
        # notice about how it subsets fonts would bury the summary.
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        # The summary is for whoever runs the command: in English, whatever LANGUAGE_CODE.
        with (
            plain_pdfs(options["plain_pdfs"]),
            transaction.atomic(),
            translation.override("en"),
        ):
            for step in STEPS:
                module, function = step.rsplit(".", 1)
                getattr(import_module(module), function)(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
