"""The reference counter is core's now (see core 0004): agreements forgets it, the table
and its rows stay with core."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0003_add_status_reason"),
        ("core", "0005_take_reference_counter_from_agreements"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ReferenceCounter")],
            database_operations=[],
        ),
    ]
