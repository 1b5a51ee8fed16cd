"""The programmes and budget headings the office starts with (``hamkor/grants/seeds.py``)."""

from django.db import migrations

from hamkor.grants.seeds import seed


class Migration(migrations.Migration):
    dependencies = [("grants", "0002_add_grant_projects")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
