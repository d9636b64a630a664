"""의결 of one agenda item: who may vote (제척·기피·회피), named votes, the result by the body's rule.

A member excluded from an item (제척 by law, 기피 on objection, 회피 on their own
motion; 행정기관위원회법 제6조②) still counts for 의사정족수 but not in the
의결 count of that item: neither among the 출석위원 nor, for a rule on 재적, in 재적.
"""

from __future__ import annotations

from dataclasses import dataclass

from aict_desktop.domain.enums import VoteResult
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.quorum import decide, required_yes
from aict_desktop.domain.rules.attendance import Tally
from aict_desktop.domain.rules.settings import BodyRules
from aict_desktop.i18n import N_, _
from aict_desktop.domain.enums import LabelledEnum


class RecusalKind(LabelledEnum):
    EXCLUSION = "제척", N_("Excluded by law")
    CHALLENGE = "기피", N_("Challenged")
    WITHDRAWAL = "회피", N_("Withdrew")


class VoteChoice(LabelledEnum):
    YES = "찬성", N_("Yes")
    NO = "반대", N_("No")
    ABSTAIN = "기권", N_("Abstain")


@dataclass(frozen=True)
class VoteBasis:
    """Who counts for the 의결 of one item."""

    enrolled: int
    present: int
    recused: int

    def needed(self, rules: BodyRules) -> int:
        return required_yes(rules.decision_quorum, self.enrolled, self.present)

    def describe(self, rules: BodyRules) -> str:
        """``출석 10명 중 6명 이상 찬성`` (what passing needs)."""
        n = self.needed(rules)
        base = _("{n} in favour of {present} present").format(n=n, present=self.present)
        if rules.decision_quorum.name == "MAJORITY_OF_ENROLLED":
            base = _("{n} in favour of {enrolled} enrolled").format(n=n, enrolled=self.enrolled)
        if self.recused:
            base += " " + _("({k} excluded)").format(k=self.recused)
        return base


def vote_basis(t: Tally, recused_present: int, recused_enrolled: int | None = None) -> VoteBasis:
    """The item's 출석 and 재적 for 의결: the meeting's, less the members excluded from it."""
    rec_enr = recused_present if recused_enrolled is None else recused_enrolled
    return VoteBasis(enrolled=max(0, t.enrolled - rec_enr), present=max(0, t.voting - recused_present),
                     recused=rec_enr)


def totals(choices) -> tuple[int, int, int]:
    """(찬성, 반대, 기권) from named votes."""
    choices = list(choices)
    return (sum(1 for c in choices if c is VoteChoice.YES), sum(1 for c in choices if c is VoteChoice.NO),
            sum(1 for c in choices if c is VoteChoice.ABSTAIN))


def result(rules: BodyRules, basis: VoteBasis, yes: int, no: int, abstain: int = 0,
           chair_vote: bool | None = None) -> VoteResult:
    return decide(rules.decision_quorum, rules.tie_rule, enrolled=basis.enrolled, present=basis.present,
                  yes=yes, no=no, abstain=abstain, chair_vote=chair_vote)


def require_quorum(t: Tally) -> None:
    """Votes are refused while 의사정족수 is not met (lost when members left)."""
    if not t.met:
        raise ValidationError(_(
            "No vote without a quorum: {present} of {enrolled} enrolled members are in the meeting, "
            "{required} are needed."
        ).format(present=t.present_now, enrolled=t.enrolled, required=t.required))
