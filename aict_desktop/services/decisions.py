"""의결 of agenda items — part of ``MeetingService``: the vote by the body's rules, 제척·기피·회피, named votes.

Counts go through the one attendee query and ``domain.rules``: no vote while
의사정족수 is lost, a recused member out of that item's 출석 (and 재적 for a
재적 rule), named votes whose totals are the item's counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from aict_desktop.domain.enums import AgendaKind
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import (
    AgendaItem,
    AgendaTask,
    Decision,
    Recusal,
    Task,
    Vote,
)
from aict_desktop.domain.rules import (
    Attendee,
    RecusalKind,
    VoteBasis,
    VoteChoice,
    counts_for_vote,
    enrolled,
    require_quorum,
    totals,
    vote_basis,
)
from aict_desktop.domain.rules.voting import result
from aict_desktop.i18n import _
from aict_desktop.services.attendees import (
    MeetingCount,
    meeting_attendees,
    meeting_count,
)
from aict_desktop.services.meeting_host import MeetingHost
from aict_desktop.services.validation import clean_text, parse_enum


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class RecusalRow:
    """A member excluded from one item (제척·기피·회피), as meeting mode lists them."""

    person_id: int
    name: str
    kind: RecusalKind
    reason: str


def _member(attendees: list[Attendee], person_id) -> Attendee:
    """An invited member of the meeting, or a clear refusal."""
    for a in attendees:
        if a.is_member and a.person_id is not None and a.person_id == person_id:
            return a
    raise ValidationError(_("This person is not an invited member of the meeting."), field="person_id")


def _drop_decision(s: Session, d: Decision) -> None:
    for t in s.exec(select(Task).where(Task.origin_decision_id == d.id)):
        t.origin_decision_id = None
        s.add(t)
    s.flush()
    s.delete(d)


def delete_item_rows(s: Session, item_id: int) -> None:
    """Everything hanging on an agenda item (carried tasks, named votes, recusals, its decision), before it goes."""
    for model in (AgendaTask, Vote, Recusal):
        for row in s.exec(select(model).where(model.agenda_item_id == item_id)):
            s.delete(row)
    for d in s.exec(select(Decision).where(Decision.agenda_item_id == item_id)):
        _drop_decision(s, d)
    s.flush()


class DecisionMixin(MeetingHost):
    """Decision methods of ``MeetingService`` (needs ``store``, ``_get``, ``_item``, ``_require_draft``)."""

    def _count(self, s: Session, item: AgendaItem) -> tuple[MeetingCount, VoteBasis, dict[int, Recusal]]:
        """The meeting's count, the item's 의결 basis (recused members taken out) and its recusals by person."""
        mc = meeting_count(s, item.meeting_id)
        recs = {r.person_id: r for r in s.exec(select(Recusal).where(Recusal.agenda_item_id == item.id))}
        out = [a for a in mc.attendees if a.is_member and a.person_id in recs]
        basis = vote_basis(mc.tally, sum(1 for a in out if counts_for_vote(a, mc.rules)),
                           sum(1 for a in out if enrolled(a, mc.rules)))
        return mc, basis, recs

    def _named(self, s: Session, item_id: int) -> list[Vote]:
        return list(s.exec(select(Vote).where(Vote.agenda_item_id == item_id)))

    def _save_decision(self, s: Session, item_id: int, rules, basis: VoteBasis, yes: int, no: int, abstain: int,
                       chair_vote: bool | None, text: str | None) -> Decision:
        """Write the item's Decision with its result by the body's rule (too many votes are refused)."""
        outcome = result(rules, basis, yes, no, abstain, chair_vote)
        d = s.exec(select(Decision).where(Decision.agenda_item_id == item_id)).first() or Decision(agenda_item_id=item_id)
        d.yes, d.no, d.abstain, d.chair_vote, d.result = yes, no, abstain, chair_vote, outcome
        if text is not None:
            d.text = clean_text(text, _("Decision"), max_len=2000)
        d.updated_at = _now()
        s.add(d)
        s.flush()
        for t in s.exec(select(Task).where(Task.origin_agenda_item_id == item_id, col(Task.origin_decision_id).is_(None))):
            t.origin_decision_id = d.id
            s.add(t)
        return d

    def _recount(self, s: Session, item: AgendaItem, *, cleared_vote: bool = False) -> None:
        """After a change of votes or recusals the Decision follows: named totals, the result on the new basis."""
        d = s.exec(select(Decision).where(Decision.agenda_item_id == item.id)).first()
        mc, basis, _recs = self._count(s, item)
        assert item.id is not None
        named = self._named(s, item.id)
        if named:
            yes, no, abstain = totals(v.choice for v in named)
            self._save_decision(s, item.id, mc.rules, basis, yes, no, abstain, d.chair_vote if d else None, None)
        elif d is not None and cleared_vote:
            _drop_decision(s, d)  # the last named vote was cleared: nothing is decided any more
        elif d is not None:
            self._save_decision(s, item.id, mc.rules, basis, d.yes, d.no, d.abstain, d.chair_vote, None)

    def _resolution(self, s: Session, item_id: int) -> AgendaItem:
        """An 의결 item of a meeting whose minutes are still a draft."""
        item = self._item(s, item_id)
        self._require_draft(self._get(s, item.meeting_id))
        if item.kind is not AgendaKind.RESOLUTION:
            raise ValidationError(_("Votes are recorded only on resolution (의결) items."))
        return item

    def record_decision(self, item_id: int, *, yes: int, no: int, abstain: int = 0,
                        chair_vote: bool | None = None, text: str = "") -> Decision:
        """Record the vote on an 의결 item; the result follows the body's rule.

        Refused while 의사정족수 is not met now (members who left no longer
        count); members excluded from the item (제척·기피·회피) are not in its
        출석 nor, for a rule on 재적, its 재적; more votes than that 출석 is
        refused. An item with named votes takes its counts from them. Action
        items already created from the item get linked to the decision.
        """
        with self.store.write() as s:
            item = self._resolution(s, item_id)
            try:
                yes, no, abstain = int(yes), int(no), int(abstain)
            except (TypeError, ValueError):
                raise ValidationError(_("Vote counts must be whole numbers.")) from None
            mc, basis, _recs = self._count(s, item)
            require_quorum(mc.tally)
            named = self._named(s, item_id)
            if named and (yes, no, abstain) != totals(v.choice for v in named):
                y, n, a = totals(v.choice for v in named)
                raise ValidationError(_(
                    "This item has named votes, so its counts are their totals ({yes} in favour, {no} against, "
                    "{abstain} abstaining). Change the members' votes instead of typing the counts."
                ).format(yes=y, no=n, abstain=a))
            return self._save_decision(s, item_id, mc.rules, basis, yes, no, abstain, chair_vote, text)

    def vote_basis(self, item_id: int) -> VoteBasis:
        """Who counts for the item's 의결 now: 재적 and 출석 less the members excluded from it."""
        with self.store.session() as s:
            return self._count(s, self._item(s, item_id))[1]

    # --- 제척·기피·회피 ------------------------------------------------------------

    def set_recusal(self, item_id: int, person_id: int, kind: RecusalKind | str, reason: str) -> Recusal:
        """Exclude an invited member from deciding one item (still present for 의사정족수); a reason is required."""
        with self.store.write() as s:
            item = self._item(s, item_id)
            self._require_draft(self._get(s, item.meeting_id))
            recusal_kind: RecusalKind = parse_enum(RecusalKind, kind, _("Kind of exclusion"), field="kind")
            reason = clean_text(reason, _("Reason"), required=True, max_len=500, field="reason")
            who = _member(meeting_attendees(s, item.meeting_id), person_id)
            if s.exec(select(Vote).where(Vote.agenda_item_id == item_id, Vote.person_id == person_id)).first():
                raise ValidationError(_("{name} has a named vote on this item; clear that vote first.").format(
                    name=who.name), field="person_id")
            rec = s.exec(select(Recusal).where(Recusal.agenda_item_id == item_id, Recusal.person_id == person_id)
                         ).first() or Recusal(agenda_item_id=item_id, person_id=person_id)
            rec.kind, rec.reason = recusal_kind, reason
            s.add(rec)
            s.flush()
            self._recount(s, item)
            return rec

    def clear_recusal(self, item_id: int, person_id: int) -> None:
        with self.store.write() as s:
            item = self._item(s, item_id)
            self._require_draft(self._get(s, item.meeting_id))
            for rec in s.exec(select(Recusal).where(Recusal.agenda_item_id == item_id, Recusal.person_id == person_id)):
                s.delete(rec)
            s.flush()
            self._recount(s, item)

    def recusals(self, item_id: int) -> list[RecusalRow]:
        """The members excluded from an item, in role order."""
        with self.store.session() as s:
            item = self._item(s, item_id)
            recs = {r.person_id: r for r in s.exec(select(Recusal).where(Recusal.agenda_item_id == item_id))}
            return [RecusalRow(a.person_id, a.name, recs[a.person_id].kind, recs[a.person_id].reason)
                    for a in meeting_attendees(s, item.meeting_id) if a.is_member and a.person_id in recs]

    # --- named votes ---------------------------------------------------------------

    def set_vote(self, item_id: int, person_id: int, choice: VoteChoice | str | None) -> Decision | None:
        """One member's 찬성/반대/기권 (``None`` clears it); the item's counts become the totals."""
        with self.store.write() as s:
            item = self._resolution(s, item_id)
            mc, _basis, recs = self._count(s, item)
            vote = s.exec(select(Vote).where(Vote.agenda_item_id == item_id, Vote.person_id == person_id)).first()
            if choice is None:
                if vote is None:
                    return s.exec(select(Decision).where(Decision.agenda_item_id == item_id)).first()
                s.delete(vote)
                s.flush()
            else:
                chosen: VoteChoice = parse_enum(VoteChoice, choice, _("Vote"))
                who = _member(mc.attendees, person_id)
                if person_id in recs:
                    raise ValidationError(_("{name} is excluded from this item ({kind}) and does not vote on it.").format(
                        name=who.name, kind=recs[person_id].kind.value))
                if not counts_for_vote(who, mc.rules):
                    raise ValidationError(_("{name} is not counted present for the vote, so cannot vote.").format(
                        name=who.name))
                require_quorum(mc.tally)
                vote = vote or Vote(agenda_item_id=item_id, person_id=person_id)
                vote.choice = chosen
                s.add(vote)
                s.flush()
            self._recount(s, item, cleared_vote=choice is None)
            return s.exec(select(Decision).where(Decision.agenda_item_id == item_id)).first()

    def votes(self, item_id: int) -> dict[int, VoteChoice]:
        """The named votes of an item by person id (empty when counted by hand)."""
        with self.store.session() as s:
            return {v.person_id: v.choice for v in self._named(s, item_id)}

    def decision(self, item_id: int) -> Decision | None:
        with self.store.session() as s:
            return s.exec(select(Decision).where(Decision.agenda_item_id == item_id)).first()

    def decisions(self, meeting_id: int) -> dict[int, Decision]:
        """Decisions of a meeting by agenda item id."""
        with self.store.session() as s:
            q = select(Decision).join(AgendaItem, col(AgendaItem.id) == Decision.agenda_item_id).where(
                AgendaItem.meeting_id == meeting_id)
            return {d.agenda_item_id: d for d in s.exec(q)}
