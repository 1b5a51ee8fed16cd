"""Reception booking: the office's hours and holidays, the public's bookings of a slot."""
