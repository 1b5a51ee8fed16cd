"""The participants' search looks up their event's titles: trigram indexes (PostgreSQL only)."""

from django.db import migrations

from hamkor.core.trigram import AddTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("events", "0002_add_list_indexes")]

    operations = [
        AddTrigramIndexes(table="events_event", columns=["title_en", "title_uz", "title_ru"]),
    ]
