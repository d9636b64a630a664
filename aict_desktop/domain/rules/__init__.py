"""The one home of every committee rule (pure Python: no database, no Qt).

Services, documents and pages call these; none restates a rule. See
``settings.BodyRules`` for the per-body settings, their legal defaults and sources.
"""

from aict_desktop.domain.rules.attendance import (
    Attendee, QuorumChange, Tally, counts_for_quorum, counts_for_vote, enrolled, here_now, is_paid, pay_basis,
    quorum_changes, sorted_attendees, tally,
)
from aict_desktop.domain.rules.composition import (
    Composition, Gender, composition, gender_problem, multi_body_warning, renewal_check, term_problem, vacancies,
)
from aict_desktop.domain.rules.deadlines import (
    attendance_rate, dated_after_meeting, needs_review, notice_deadline, notice_is_late,
)
from aict_desktop.domain.rules.membership import (
    RECORD_KEEPER, ROLE_ORDER, gets_certificate, in_enrolment, is_commissioned, presiding_role, printed_position,
    role_sort_key, serves_on, signer_roles, takes_part_on,
)
from aict_desktop.domain.rules.settings import SOURCES, BodyRules, rules_of, source_of
from aict_desktop.domain.rules.tax import (
    DEFAULT_TAX_KIND, TAX_RATES, TaxKind, TaxRates, Withholding, is_payable, tax_kind_of, truncate, withholding,
)
from aict_desktop.domain.rules.voting import RecusalKind, VoteBasis, VoteChoice, require_quorum, totals, vote_basis

__all__ = [
    "Attendee", "BodyRules", "Composition", "Gender", "QuorumChange", "RECORD_KEEPER", "ROLE_ORDER", "RecusalKind",
    "SOURCES", "Tally", "VoteBasis", "VoteChoice", "attendance_rate", "composition", "counts_for_quorum",
    "counts_for_vote", "enrolled", "gender_problem", "gets_certificate", "here_now", "in_enrolment",
    "dated_after_meeting", "is_commissioned", "is_paid", "multi_body_warning", "needs_review", "notice_deadline",
    "notice_is_late",
    "pay_basis", "presiding_role", "printed_position", "quorum_changes", "renewal_check", "require_quorum",
    "role_sort_key", "rules_of", "serves_on", "signer_roles", "sorted_attendees", "source_of", "tally",
    "takes_part_on", "term_problem", "totals", "vacancies", "vote_basis",
    "DEFAULT_TAX_KIND", "TAX_RATES", "TaxKind", "TaxRates", "Withholding", "is_payable", "tax_kind_of", "truncate",
    "withholding",
]
