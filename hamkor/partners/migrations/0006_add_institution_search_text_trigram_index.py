"""The institution search's normalised column gets a trigram index (PostgreSQL only)."""

from django.db import migrations

from hamkor.core.trigram import AddTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("partners", "0005_country_names_from_cldr")]

    operations = [
        AddTrigramIndexes(table="partners_institution", columns=["search_text"], upper=False),
    ]
