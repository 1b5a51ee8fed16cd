"""The institution search's columns get trigram indexes (PostgreSQL only)."""

from django.db import migrations

from hamkor.core.trigram import AddTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_contact_historicalcontact_historicalinteraction_and_more")]

    operations = [
        AddTrigramIndexes(
            table="partners_institution",
            columns=["name", "name_en", "name_uz", "name_ru", "acronym", "erasmus_code", "city"],
        ),
    ]
