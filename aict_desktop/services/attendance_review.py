"""Yearly 출석률 per member and the 해촉 검토 list — part of ``MeetingService``.

A member's rate is the share of the body's meetings held in the year, to which
the member was invited as an enrolled member, at which the member counted as
출석 under the body's rules; under the body's threshold (default 50 %) the
member goes on the review list (서울특별시 위원회 조례 일괄 개정, 2023).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import col, select

from aict_desktop.domain.enums import MeetingStatus
from aict_desktop.domain.models import Meeting
from aict_desktop.domain.rules import attendance_rate, counts_for_quorum, enrolled, needs_review
from aict_desktop.services.attendees import meeting_count
from aict_desktop.services.lookup import require_body
from aict_desktop.services.meeting_host import MeetingHost


@dataclass
class AttendanceRate:
    person_id: int
    person: str
    invited: int
    attended: int
    rate: float | None  # percent
    review: bool  # under the body's threshold: 해촉 검토 대상


class AttendanceReviewMixin(MeetingHost):
    """Needs ``store``."""

    def attendance_rates(self, body_id: int, year: int) -> list[AttendanceRate]:
        """Every member invited to a meeting of the body held in ``year``, in the order of the last meeting."""
        with self.store.session() as s:
            require_body(s, body_id)
            start, end = dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)
            held = s.exec(select(Meeting.id).where(Meeting.body_id == body_id, Meeting.status == MeetingStatus.HELD,
                                                   Meeting.starts_at >= start, Meeting.starts_at < end)
                          .order_by(col(Meeting.starts_at))).all()
            counts: dict[int, list] = {}
            rules = None
            for mid in held:
                assert mid is not None
                mc = meeting_count(s, mid)
                rules = mc.rules
                for a in mc.attendees:
                    if a.person_id is None or not enrolled(a, mc.rules):
                        continue
                    entry = counts.setdefault(a.person_id, [a.name, 0, 0])
                    entry[1] += 1
                    entry[2] += counts_for_quorum(a, mc.rules)
            if rules is None:  # no meeting held that year
                return []
            return [AttendanceRate(pid, name, invited, attended, attendance_rate(attended, invited),
                                   needs_review(attended, invited, rules))
                    for pid, (name, invited, attended) in counts.items()]

    def attendance_review(self, body_id: int, year: int) -> list[AttendanceRate]:
        """The 해촉 검토 list: members under the body's yearly attendance threshold."""
        return [r for r in self.attendance_rates(body_id, year) if r.review]
