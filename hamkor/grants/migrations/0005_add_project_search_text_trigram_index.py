"""The grant project search's columns get trigram indexes (PostgreSQL only): its normalised
column, and the title and acronym the receipts' and expenses' searches look up."""

from django.db import migrations

from hamkor.core.trigram import AddTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("grants", "0004_add_list_indexes")]

    operations = [
        AddTrigramIndexes(table="grants_project", columns=["search_text"], upper=False),
        AddTrigramIndexes(table="grants_project", columns=["title", "acronym"]),
    ]
