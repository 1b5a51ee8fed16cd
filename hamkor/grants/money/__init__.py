"""The money of grant projects: receipts, expenses, their totals in one currency at each
day's rate, and the exchange rates' staff pages."""
