"""The person search's normalised column gets a trigram index (PostgreSQL only)."""

from django.db import migrations

from hamkor.core.trigram import AddTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("mobility", "0011_add_erasmus_grant_inputs")]

    operations = [
        AddTrigramIndexes(table="mobility_person", columns=["search_text"], upper=False),
    ]
