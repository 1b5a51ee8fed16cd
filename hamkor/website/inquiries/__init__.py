"""Contact inquiries: the public form, the office's inbox, the answer by e-mail."""
