"""의사정족수 and 의결정족수.

과반수 is strictly more than half: 7 of 14 is not a majority, 8 is.
"3분의 2 이상" is at least two thirds: 10 of 15 passes, 9 does not; the
comparison is made in integers (3 × yes ≥ 2 × present) so no rounding error.
"""

from __future__ import annotations

from dataclasses import dataclass

from aict_desktop.domain.enums import DecisionQuorumRule, OpenQuorumRule, TieRule, VoteResult
from aict_desktop.domain.errors import ValidationError
from aict_desktop.i18n import _


def is_majority(part: int, whole: int) -> bool:
    """Strictly more than half."""
    return 2 * part > whole


def required_to_open(rule: OpenQuorumRule, enrolled: int) -> int:
    """The smallest number present that opens the meeting."""
    if rule is OpenQuorumRule.NONE:
        return 0
    if rule is OpenQuorumRule.ONE_THIRD_OF_ENROLLED:
        return -(-enrolled // 3)  # ceil(enrolled / 3)
    return enrolled // 2 + 1


@dataclass(frozen=True)
class OpenQuorum:
    enrolled: int
    present: int
    required: int

    @property
    def met(self) -> bool:
        return self.present >= self.required

    def describe(self) -> str:
        """e.g. "재적 15명 중 9명 출석 — 개의 가능"."""
        state = _("quorum met") if self.met else _("quorum not met")
        return _("{present} of {enrolled} enrolled present (need {required}) — {state}").format(
            enrolled=self.enrolled, present=self.present, required=self.required, state=state
        )


def open_quorum(rule: OpenQuorumRule, enrolled: int, present: int) -> OpenQuorum:
    if enrolled < 0 or present < 0:
        raise ValidationError(_("Counts cannot be negative."))
    return OpenQuorum(enrolled, present, required_to_open(rule, enrolled))


def required_yes(rule: DecisionQuorumRule, enrolled: int, present: int) -> int:
    """The smallest number of yes votes that passes a motion."""
    if rule is DecisionQuorumRule.TWO_THIRDS_OF_PRESENT:
        return -(-2 * present // 3)  # ceil(2/3 × present)
    if rule is DecisionQuorumRule.MAJORITY_OF_ENROLLED:
        return enrolled // 2 + 1
    return present // 2 + 1


def check_votes(present: int, yes: int, no: int, abstain: int) -> None:
    """Refuse counts that cannot be true."""
    if min(yes, no, abstain) < 0:
        raise ValidationError(_("Vote counts cannot be negative."))
    if yes + no + abstain > present:
        raise ValidationError(
            _("{votes} votes were counted but only {present} members are present.").format(
                votes=yes + no + abstain, present=present
            )
        )


def decide(
    rule: DecisionQuorumRule,
    tie_rule: TieRule,
    *,
    enrolled: int,
    present: int,
    yes: int,
    no: int,
    abstain: int = 0,
    chair_vote: bool | None = None,
) -> VoteResult:
    """가결 or 부결 by the body's rule; a tie (가부동수) per the body's setting.

    With ``TieRule.CHAIR_DECIDES`` a tie needs ``chair_vote`` (True = in favour);
    without it the result stays 미결.
    """
    check_votes(present, yes, no, abstain)
    if yes >= required_yes(rule, enrolled, present):
        return VoteResult.PASSED
    if yes == no and yes > 0 and tie_rule is TieRule.CHAIR_DECIDES:
        if chair_vote is None:
            return VoteResult.PENDING
        return VoteResult.PASSED if chair_vote else VoteResult.REJECTED
    return VoteResult.REJECTED
