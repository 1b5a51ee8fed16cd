"""``hamkor sync-roles``: make each role's group hold exactly what roles.py declares."""

from django.core.management.base import BaseCommand

from hamkor.accounts.roles import Role, roles_sync


class Command(BaseCommand):
    help = "Synchronise the role groups with the permissions declared in accounts/roles.py."

    def handle(self, *args, **options):
        for role, count in roles_sync().items():
            self.stdout.write(f"{Role(role).label}: {count} permissions")
