"""Opportunities on the public site: exchange programmes, scholarships, grant competitions
and summer schools with their deadlines, edited by the office like the news."""
