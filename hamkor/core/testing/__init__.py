"""Test helpers shared by every app: the generic view test suite and a browser-like form
reader."""
