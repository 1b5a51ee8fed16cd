"""Demo data of the grants app: the Erasmus+ rate tables from the project's data file.

The tables are reference data rather than demo records, so this step loads the very file
a production installation loads (``hamkor erasmus-rates load``); rows already present,
edited or not, are left alone.
"""

from hamkor.grants.services import erasmus_rates_load


def load(stdout) -> None:
    result = erasmus_rates_load(actor=None)
    created = sum(result.created.values())
    stdout.write(f"Erasmus+ rate tables: {created} rows created.")
