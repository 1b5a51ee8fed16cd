"""The grant project search's normalised column gets a trigram index (PostgreSQL only)."""

from django.db import migrations

from hamkor.core.trigram import AddTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("grants", "0004_add_list_indexes")]

    operations = [
        AddTrigramIndexes(table="grants_project", columns=["search_text"], upper=False),
    ]
