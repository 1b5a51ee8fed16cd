"""Staff pages of the mobility app, by subject: people, mobilities (and, beside them, the
deadlines board and the applicants' own pages)."""
