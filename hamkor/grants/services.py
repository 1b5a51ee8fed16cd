"""Writes of the grants app: exchange rates and the Erasmus+ rate tables."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from hamkor.core.services import object_save
from hamkor.grants import cbu
from hamkor.grants.models import (
    ErasmusCountryGroup,
    ErasmusIndividualRate,
    ErasmusTopUp,
    ErasmusTravelBand,
    ExchangeRate,
)

ERASMUS_RATES_FILE = Path(__file__).resolve().parent / "data" / "erasmus_rates.json"


@transaction.atomic
def exchange_rate_set(
    *,
    actor,
    currency: str,
    date: datetime.date,
    rate: Decimal,
    nominal: int = 1,
    source: str = ExchangeRate.Source.MANUAL,
) -> tuple[ExchangeRate, bool]:
    """Record that ``nominal`` units of ``currency`` were worth ``rate`` som on ``date``.

    Stored per single unit. A second call for the same currency and date corrects the row
    (its history keeps the old value); the same value again changes nothing. Returns the
    row and whether it was written.
    """
    currency = currency.strip().upper()
    if nominal < 1:
        raise ValidationError({"nominal": _("The nominal must be at least 1.")})
    per_unit = Decimal(rate) / nominal
    row = ExchangeRate.objects.filter(currency=currency, date=date).first()
    if row is None:
        row = ExchangeRate(currency=currency, date=date)
    elif row.rate == per_unit.quantize(Decimal("1e-8")) and row.nominal == nominal:
        return row, False
    row.rate = per_unit.quantize(Decimal("1e-8"))
    row.nominal = nominal
    row.source = source
    object_save(instance=row, actor=actor, reason="grants.exchangerate.set")
    return row, True


@transaction.atomic
def exchange_rate_edit(
    *,
    actor,
    row: ExchangeRate,
    rate: Decimal,
    nominal: int = 1,
    expected_version: int | None = None,
) -> ExchangeRate:
    """Save ``row`` (new or edited by hand, its currency and date set) with ``rate`` som for
    ``nominal`` units, stored per unit; refused when somebody saved it since
    ``expected_version``."""
    if nominal < 1:
        raise ValidationError({"nominal": _("The nominal must be at least 1.")})
    row.currency = (row.currency or "").strip().upper()
    row.rate = (Decimal(rate) / nominal).quantize(Decimal("1e-8"))
    row.nominal = nominal
    row.source = ExchangeRate.Source.MANUAL
    return object_save(
        instance=row,
        actor=actor,
        expected_version=expected_version,
        reason="grants.exchangerate.created" if row.pk is None else "grants.exchangerate.edited",
    )


@dataclass
class FetchResult:
    date: datetime.date
    published: datetime.date
    written: int = 0
    unchanged: int = 0


def exchange_rates_fetch(*, actor, on_date: datetime.date | None = None) -> FetchResult:
    """Store the Central Bank's rates of ``on_date`` (default: today's answer).

    The answer is read and checked whole before anything is saved, and all rates are saved
    in one transaction: a malformed answer or an empty one (no rates for that date) stores
    nothing. On a weekend or holiday the bank may answer with the rate set before it: that
    rate is the one in force, and it is stored under the date asked for.
    """
    url = cbu.rates_url(on_date)
    rates = cbu.rates_parse(cbu.rates_download(url))
    if not rates:
        raise cbu.RatesFetchError(
            _("The Central Bank published no rates for %(date)s.")
            % {"date": on_date.isoformat() if on_date else _("today")}
        )
    published = {rate.date for rate in rates}
    if len(published) != 1:
        raise cbu.RatesFetchError(_("The Central Bank answer mixes rates of several dates."))
    (published_on,) = published
    if on_date is not None and published_on > on_date:
        raise cbu.RatesFetchError(
            _("The Central Bank answered with rates of %(published)s for %(date)s.")
            % {"published": published_on.isoformat(), "date": on_date.isoformat()}
        )
    result = FetchResult(date=on_date or published_on, published=published_on)
    # Downloaded and checked outside the transaction; stored inside it, all or nothing.
    with transaction.atomic():
        _rates_store(actor=actor, rates=rates, result=result)
    return result


def _rates_store(*, actor, rates: list[cbu.PublishedRate], result: FetchResult) -> None:
    for rate in rates:
        try:
            _row, written = exchange_rate_set(
                actor=actor,
                currency=rate.currency,
                date=result.date,
                rate=rate.rate,
                nominal=rate.nominal,
                source=ExchangeRate.Source.CBU,
            )
        except ValidationError as exc:
            raise cbu.RatesFetchError(
                _("The Central Bank rate of %(currency)s was refused: %(error)s")
                % {"currency": rate.currency, "error": "; ".join(exc.messages)}
            ) from exc
        if written:
            result.written += 1
        else:
            result.unchanged += 1


class RatesFileError(ValueError):
    """The Erasmus+ rates file cannot be loaded; the message says where and why."""


@dataclass
class LoadResult:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)


def _rows(data: dict) -> list[tuple[type, dict, dict]]:
    """(model, natural key, values) for every row the file describes."""
    rows = []
    for block in data.get("travel_bands", []):
        for year in block["call_years"]:
            for row in block["rows"]:
                rows.append(
                    (
                        ErasmusTravelBand,
                        {"call_year": year, "min_km": row["min_km"]},
                        {
                            "max_km": row["max_km"],
                            "standard": Decimal(row["standard"]),
                            "green": None if row["green"] is None else Decimal(row["green"]),
                            "source": row.get("source", block["source"]),
                            "status": row.get("status", block["status"]),
                        },
                    )
                )
    for block in data.get("country_groups", []):
        for year in block["call_years"]:
            for scheme in block["schemes"]:
                for group, countries in block["groups"].items():
                    for country in countries:
                        key = {"call_year": year, "scheme": scheme, "country": country}
                        values = {
                            "group": group,
                            "source": block["source"],
                            "status": block["status"],
                        }
                        rows.append((ErasmusCountryGroup, key, values))
    for block in data.get("individual_rates", []):
        for year in block["call_years"]:
            for row in block["rows"]:
                key = {
                    "call_year": year,
                    "action": block["action"],
                    "participant": block["participant"],
                    "country_group": row["group"],
                    "days_from": row.get("days_from", 1),
                }
                values = {
                    "direction": block["direction"],
                    "unit": block["unit"],
                    "days_to": row.get("days_to"),
                    "amount": Decimal(row["amount"]),
                    "source": row.get("source", block["source"]),
                    "status": row.get("status", block["status"]),
                }
                rows.append((ErasmusIndividualRate, key, values))
    for block in data.get("top_ups", []):
        for year in block["call_years"]:
            for row in block["rows"]:
                key = {
                    "call_year": year,
                    "action": block["action"],
                    "participant": block["participant"],
                    "kind": block["kind"],
                    "days_from": row.get("days_from", 1),
                }
                values = {
                    "unit": row["unit"],
                    "days_to": row.get("days_to"),
                    "amount": Decimal(row["amount"]),
                    "extra_days": row.get("extra_days", 0),
                    "source": row.get("source", block["source"]),
                    "status": row.get("status", block["status"]),
                }
                rows.append((ErasmusTopUp, key, values))
    return rows


NATURAL_KEYS = {
    ErasmusTravelBand: ("call_year", "min_km"),
    ErasmusCountryGroup: ("call_year", "scheme", "country"),
    ErasmusIndividualRate: ("call_year", "action", "participant", "country_group", "days_from"),
    ErasmusTopUp: ("call_year", "action", "participant", "kind", "days_from"),
}


@transaction.atomic
def erasmus_rates_load(
    *, actor, path: Path = ERASMUS_RATES_FILE, replace: bool = False
) -> LoadResult:
    """Load the Erasmus+ rate tables from the project's data file (or ``path``).

    Missing rows are created. A row the office has since changed (National Agencies set the
    amounts inside the guide's ranges) is kept as it is unless ``replace`` is given, so a
    second run, or ``make demo``, never undoes their edits. Any bad row stops the whole
    load: nothing is half-applied.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        rows = _rows(data)
    except OSError as exc:
        raise RatesFileError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc.strerror}
        ) from exc
    except (ValueError, KeyError, TypeError, ArithmeticError) as exc:
        raise RatesFileError(
            _("%(path)s is not a valid rates file (%(error)s).") % {"path": path, "error": exc}
        ) from exc
    result = LoadResult()
    stored = {
        model: {tuple(getattr(row, name) for name in names): row for row in model.objects.all()}
        for model, names in NATURAL_KEYS.items()
    }
    new: dict[type, list] = {model: [] for model in NATURAL_KEYS}
    seen = set()
    for model, key, values in rows:
        name = model._meta.model_name
        natural = tuple(key[field_name] for field_name in NATURAL_KEYS[model])
        if (model, natural) in seen:
            raise RatesFileError(
                _("%(path)s lists the row %(row)s twice.") % {"path": path, "row": key}
            )
        seen.add((model, natural))
        row = stored[model].get(natural)
        try:
            if row is None:
                row = model(**key, **values)
                # Uniqueness is checked above and by the database; the rest row by row.
                row.full_clean(validate_constraints=False)
                new[model].append(row)
                result.created[name] = result.created.get(name, 0) + 1
            elif all(getattr(row, field_name) == value for field_name, value in values.items()):
                continue
            elif not replace:
                result.kept[name] = result.kept.get(name, 0) + 1
            else:
                for field_name, value in values.items():
                    setattr(row, field_name, value)
                object_save(instance=row, actor=actor, reason="grants.erasmusrates.loaded")
                result.updated[name] = result.updated.get(name, 0) + 1
        except ValidationError as exc:
            raise RatesFileError(
                _("%(path)s: row %(row)s is refused: %(error)s")
                % {"path": path, "row": key, "error": "; ".join(exc.messages)}
            ) from exc
    for model, objects in new.items():
        if objects:
            bulk_create_with_history(
                objects,
                model,
                default_user=actor,
                default_change_reason="grants.erasmusrates.loaded",
            )
    return result
