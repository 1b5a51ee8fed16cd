"""Opportunities for tests."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from hamkor.core.transitions import status_set_initial
from hamkor.website.opportunities.models import Opportunity


class OpportunityFactory(factory.django.DjangoModelFactory):
    """A draft opportunity closing in ten days; ``status="published"`` publishes it."""

    class Meta:
        model = Opportunity

    slug = factory.Sequence(lambda n: f"opportunity-{n}")
    kind = Opportunity.Kind.EXCHANGE
    audience = Opportunity.Audience.BOTH
    title_uz = factory.Sequence(lambda n: f"Imkoniyat {n}")
    title_en = factory.Sequence(lambda n: f"Opportunity {n}")
    body_uz = "<p>Matn</p>"
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))

    @classmethod
    def _create(cls, model_class, *args, status=None, **kwargs):
        opportunity = model_class(*args, **kwargs)
        if status:
            status_set_initial(opportunity, status)
        opportunity.save()
        return opportunity
