"""The applications' search looks up the applicant's e-mail: a trigram index (PostgreSQL only)."""

from django.db import migrations

from hamkor.core.trigram import AddTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_add_list_indexes")]

    operations = [
        AddTrigramIndexes(table="accounts_user", columns=["email"]),
    ]
