"""The benchmark data set that ``hamkor bench-data --scale N`` writes, kept out of the apps.

At scale 1 a university's decade: 500 partner institutions (the world directory's when it is
loaded), 2,000 agreements with their parties and quotas, 10,000 people and 20,000
mobilities, 2,000 events with 20,000 participants, 200 grant projects with 5,000 receipts,
2,000 foreign students, 50 calls with 10,000 applications (:data:`.base.SIZES`); scale 10 is
ten times each, and a fraction (0.01) works too.

Unlike :mod:`hamkor.demo`, which goes through the services and keeps every row's history,
this package writes rows with ``bulk_create`` in batches, without history and without the
services: it is a benchmark of reads, and ten years of an office's records must load in
minutes. What the services would derive (``search_text``, reference numbers, statuses set
as a record with a past) is filled here. The draw is fixed by the seed, and each step tops
its tables up to the size asked for, so a second run adds nothing. Decision record 0022
explains the mark a generated database carries and why real data is refused.

One module per app, run in the order of :data:`.run.STEPS`.
"""
