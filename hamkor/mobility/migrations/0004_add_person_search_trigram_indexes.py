"""The people search's columns get trigram indexes (PostgreSQL only)."""

from django.db import migrations

from hamkor.core.trigram import AddTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("mobility", "0003_add_list_order_and_start_indexes")]

    operations = [
        AddTrigramIndexes(
            table="mobility_person",
            columns=["last_name", "first_name", "middle_name", "name_original", "email"],
        ),
    ]
