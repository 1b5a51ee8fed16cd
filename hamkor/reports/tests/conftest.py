"""Fixtures of the reports tests."""

from hamkor.reports.tests.annual_world import annual_world  # noqa: F401  (a fixture)
