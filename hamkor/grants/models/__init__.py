"""The grants app's models: exchange rates and Erasmus+ rate tables (``rates``), grant
projects with their consortium, money and reporting deadlines (``projects``)."""

from hamkor.grants.models.projects import (
    BudgetHeading,
    Expense,
    Programme,
    Project,
    ProjectPartner,
    ProjectReminder,
    Receipt,
    ReportingDeadline,
)
from hamkor.grants.models.rates import (
    Action,
    ErasmusCountryGroup,
    ErasmusIndividualRate,
    ErasmusRateRow,
    ErasmusTopUp,
    ErasmusTravelBand,
    ExchangeRate,
    GroupCode,
    Participant,
    VerificationStatus,
)

__all__ = [
    "Action",
    "BudgetHeading",
    "ErasmusCountryGroup",
    "ErasmusIndividualRate",
    "ErasmusRateRow",
    "ErasmusTopUp",
    "ErasmusTravelBand",
    "ExchangeRate",
    "Expense",
    "GroupCode",
    "Participant",
    "Programme",
    "Project",
    "ProjectPartner",
    "ProjectReminder",
    "Receipt",
    "ReportingDeadline",
    "VerificationStatus",
]
