"""E-mail that leaves only with the data it speaks of.

A message written inside a transaction is handed to the mail backend when the transaction
commits; if it rolls back, nothing is sent (the reminder it announced was not recorded
either, and will be tried again the next day).
"""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.db import transaction

logger = logging.getLogger(__name__)


def email_send_on_commit(message: EmailMessage, *, using: str | None = None) -> None:
    """Send ``message`` once the current transaction commits (at once outside of one).

    ``robust``: a message that cannot be sent is logged and does not stop the others.
    """
    transaction.on_commit(message.send, using=using, robust=True)
