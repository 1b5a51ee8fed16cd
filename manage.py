#!/usr/bin/env python
"""Django's manage.py, for tools that expect it; ``hamkor`` is the same command."""

from hamkor.cli import main

if __name__ == "__main__":
    main()
