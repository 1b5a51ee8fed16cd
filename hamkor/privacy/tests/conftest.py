"""Fixtures of the personal-data tests."""

from hamkor.mobility.tests.world import world  # noqa: F401  (a fixture)
