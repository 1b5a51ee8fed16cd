"""The demo data set that ``hamkor demo-data`` loads, kept out of the domain apps.

Each module fills one app's records through that app's services (``object_save``,
``agreement_save``, the named transitions…), so the demo data obeys every rule a user meets,
and keeps its history (reason ``demo.loaded``). Every step is idempotent: a second run adds
nothing. The steps and their order are ``STEPS`` in ``core/management/commands/demo_data.py``.

- :mod:`.partners` the home university and the partner universities (from the world
  directory when it is loaded, else from the short list in :mod:`.institutions`);
- :mod:`.accounts` the faculties and one user per role; :mod:`.website` the department page;
- :mod:`.agreements` the agreements with those partners;
- :mod:`.mobility` the people and their exchanges behind the seed page's figures.

Later issues add the demo data of their apps here, as a module and a step.
"""
