import pytest

from aict_desktop.domain.enums import DecisionQuorumRule as D
from aict_desktop.domain.enums import OpenQuorumRule as O
from aict_desktop.domain.enums import TieRule, VoteResult
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.quorum import decide, is_majority, open_quorum, required_to_open, required_yes


def test_majority_is_strictly_more_than_half():
    assert not is_majority(7, 14)
    assert is_majority(8, 14)
    assert is_majority(8, 15) and not is_majority(7, 15)


@pytest.mark.parametrize("enrolled,needed", [(1, 1), (2, 2), (14, 8), (15, 8), (31, 16)])
def test_open_quorum_majority_of_enrolled(enrolled, needed):
    assert required_to_open(O.MAJORITY_OF_ENROLLED, enrolled) == needed
    assert open_quorum(O.MAJORITY_OF_ENROLLED, enrolled, needed).met
    assert not open_quorum(O.MAJORITY_OF_ENROLLED, enrolled, needed - 1).met


def test_open_quorum_one_third_and_none():
    assert required_to_open(O.ONE_THIRD_OF_ENROLLED, 15) == 5
    assert required_to_open(O.ONE_THIRD_OF_ENROLLED, 16) == 6
    assert open_quorum(O.NONE, 15, 0).met


def test_quorum_description_is_korean():
    text = open_quorum(O.MAJORITY_OF_ENROLLED, 15, 9).describe()
    assert "15" in text and "9" in text and "개의 가능" in text
    assert "개의 불가" in open_quorum(O.MAJORITY_OF_ENROLLED, 15, 7).describe()


def test_majority_of_present_exactly_half_is_rejected():
    r = decide(D.MAJORITY_OF_PRESENT, TieRule.REJECTED, enrolled=15, present=10, yes=5, no=3, abstain=2)
    assert r is VoteResult.REJECTED
    r = decide(D.MAJORITY_OF_PRESENT, TieRule.REJECTED, enrolled=15, present=10, yes=6, no=4)
    assert r is VoteResult.PASSED


@pytest.mark.parametrize("present,needed", [(15, 10), (10, 7), (9, 6), (8, 6), (3, 2), (1, 1)])
def test_two_thirds_rounds_up(present, needed):
    assert required_yes(D.TWO_THIRDS_OF_PRESENT, 20, present) == needed
    assert decide(D.TWO_THIRDS_OF_PRESENT, TieRule.REJECTED, enrolled=20, present=present, yes=needed, no=0) is VoteResult.PASSED
    assert decide(D.TWO_THIRDS_OF_PRESENT, TieRule.REJECTED, enrolled=20, present=present, yes=needed - 1, no=0) is VoteResult.REJECTED


def test_majority_of_enrolled_counts_absent_members():
    # 9 present of 20 all in favour is not a majority of the 20 enrolled
    assert decide(D.MAJORITY_OF_ENROLLED, TieRule.REJECTED, enrolled=20, present=9, yes=9, no=0) is VoteResult.REJECTED
    assert decide(D.MAJORITY_OF_ENROLLED, TieRule.REJECTED, enrolled=20, present=12, yes=11, no=1) is VoteResult.PASSED


def test_tie_rejected_or_chair_decides():
    kw = dict(enrolled=12, present=10, yes=5, no=5)
    assert decide(D.MAJORITY_OF_PRESENT, TieRule.REJECTED, **kw) is VoteResult.REJECTED
    assert decide(D.MAJORITY_OF_PRESENT, TieRule.CHAIR_DECIDES, **kw) is VoteResult.PENDING
    assert decide(D.MAJORITY_OF_PRESENT, TieRule.CHAIR_DECIDES, chair_vote=True, **kw) is VoteResult.PASSED
    assert decide(D.MAJORITY_OF_PRESENT, TieRule.CHAIR_DECIDES, chair_vote=False, **kw) is VoteResult.REJECTED


def test_more_votes_than_present_is_refused():
    with pytest.raises(ValidationError) as err:
        decide(D.MAJORITY_OF_PRESENT, TieRule.REJECTED, enrolled=15, present=9, yes=8, no=2)
    assert "9" in str(err.value)
    with pytest.raises(ValidationError):
        decide(D.MAJORITY_OF_PRESENT, TieRule.REJECTED, enrolled=15, present=9, yes=-1, no=2)
