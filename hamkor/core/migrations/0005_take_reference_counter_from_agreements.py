"""The reference counter moves from agreements to core, with its rows.

The table first becomes core's as it is (state only), then takes core's name and
constraint name: no row is copied, none is lost.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_add_email_template"),
        # The table is created by agreements' first migration.
        ("agreements", "0003_add_status_reason"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ReferenceCounter",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("prefix", models.CharField(max_length=10, verbose_name="prefix")),
                        ("year", models.PositiveSmallIntegerField(verbose_name="year")),
                        (
                            "last",
                            models.PositiveIntegerField(default=0, verbose_name="last number used"),
                        ),
                    ],
                    options={
                        "verbose_name": "reference counter",
                        "verbose_name_plural": "reference counters",
                        "ordering": ("prefix", "year"),
                        "default_permissions": (),
                        "db_table": "agreements_referencecounter",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("prefix", "year"), name="agreements_counter_unique"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="referencecounter", table=None),
        migrations.RemoveConstraint(model_name="referencecounter", name="agreements_counter_unique"),
        migrations.AddConstraint(
            model_name="referencecounter",
            constraint=models.UniqueConstraint(fields=("prefix", "year"), name="core_counter_unique"),
        ),
    ]
