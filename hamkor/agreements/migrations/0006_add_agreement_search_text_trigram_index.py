"""The agreement search's normalised column gets a trigram index (PostgreSQL only)."""

from django.db import migrations

from hamkor.core.trigram import AddTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("agreements", "0005_protect_status")]

    operations = [
        AddTrigramIndexes(table="agreements_agreement", columns=["search_text"], upper=False),
    ]
