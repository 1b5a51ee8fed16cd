# The head's name in each content language; the name written so far is the Uzbek one.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("website", "0001_initial"),
    ]

    operations = [
        migrations.RenameField("departmentprofile", "head_name", "head_name_uz"),
        migrations.RenameField("historicaldepartmentprofile", "head_name", "head_name_uz"),
        migrations.AlterField(
            model_name="departmentprofile",
            name="head_name_uz",
            field=models.CharField(blank=True, max_length=200, verbose_name="head of department in Uzbek"),
        ),
        migrations.AlterField(
            model_name="historicaldepartmentprofile",
            name="head_name_uz",
            field=models.CharField(blank=True, max_length=200, verbose_name="head of department in Uzbek"),
        ),
        migrations.AddField(
            model_name="departmentprofile",
            name="head_name_ru",
            field=models.CharField(blank=True, max_length=200, verbose_name="head of department in Russian"),
        ),
        migrations.AddField(
            model_name="historicaldepartmentprofile",
            name="head_name_ru",
            field=models.CharField(blank=True, max_length=200, verbose_name="head of department in Russian"),
        ),
        migrations.AddField(
            model_name="departmentprofile",
            name="head_name_en",
            field=models.CharField(blank=True, max_length=200, verbose_name="head of department in English"),
        ),
        migrations.AddField(
            model_name="historicaldepartmentprofile",
            name="head_name_en",
            field=models.CharField(blank=True, max_length=200, verbose_name="head of department in English"),
        ),
    ]
