"""Who is present, for what: 의사정족수, 의결 and 참석수당 from one list of attendees.

The quorum panel, meeting mode, the minutes (성원 line and 참석위원), the
참석자 명부, the allowance list and ``aict list attendance`` all count with
:func:`tally` over the same :class:`Attendee` records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from aict_desktop.domain.enums import AppointmentKind, AttendanceStatus, Role
from aict_desktop.domain.quorum import required_to_open
from aict_desktop.domain.rules.membership import in_enrolment, is_commissioned, role_sort_key
from aict_desktop.domain.rules.settings import BodyRules

S = AttendanceStatus
KIND_WORDS = {S.PROXY: "대리출석", S.WRITTEN: "서면 참석", S.ONLINE: "온라인(화상) 출석"}


@dataclass(frozen=True)
class Attendee:
    """One line of a meeting's attendance, as plain data (built once per read by the services)."""

    id: int
    name: str
    status: AttendanceStatus = S.UNKNOWN
    is_member: bool = True
    role: Role | None = None
    kind: AppointmentKind | None = None
    institution: str = ""
    position: str = ""
    is_public_official: bool = False
    arrived_at: dt.time | None = None
    left_at: dt.time | None = None  # 퇴장
    proxy_name: str = ""
    person_id: int | None = None
    appointment_id: int | None = None

    def sort_key(self) -> tuple:
        return (not self.is_member,) + role_sort_key(self.role, self.kind, self.name if self.is_member else "", self.id)


def enrolled(a: Attendee, rules: BodyRules) -> bool:
    """In 재적: an invited member the body counts (a 당연직 간사 is not, by default)."""
    return a.is_member and in_enrolment(a.role, a.kind, rules)


def counts_for_quorum(a: Attendee, rules: BodyRules) -> bool:
    """출석 for 의사정족수 (whether or not the member later left)."""
    return enrolled(a, rules) and a.status in rules.quorum_statuses


def counts_for_vote(a: Attendee, rules: BodyRules) -> bool:
    """출석위원 for 의결 (still in the room: a member who left does not vote)."""
    return enrolled(a, rules) and a.status in rules.vote_statuses and a.left_at is None


def here_now(a: Attendee, rules: BodyRules, at: dt.time | None = None) -> bool:
    """Counts for 의사정족수 at ``at`` (now when ``None``): arrived and not yet left."""
    if not counts_for_quorum(a, rules):
        return False
    if at is None:
        return a.left_at is None
    return (a.arrived_at is None or a.arrived_at <= at) and (a.left_at is None or a.left_at > at)


TOOK_PART = frozenset({S.PRESENT, S.ONLINE, S.PROXY, S.WRITTEN})


def took_part(a: Attendee) -> bool:
    """Took part in some form (in the room, online, by proxy or in writing): listed on the 지급 명세, paid or not."""
    return a.status in TOOK_PART


def sorted_attendees(attendees) -> list[Attendee]:
    """Members in role order (위원장 … 간사, 당연직 first within a role, by name), then 배석자 as added."""
    return sorted(attendees, key=Attendee.sort_key)


@dataclass(frozen=True)
class Tally:
    """The counts of one meeting under one body's rules."""

    enrolled: int
    present: int  # 출석 for 의사정족수 (in the room or as the body counts it)
    present_now: int  # of them, still in the meeting
    required: int  # to open (의사정족수)
    voting: int  # 출석위원 for 의결, now
    by_status: dict = field(default_factory=dict)  # enrolled members per AttendanceStatus

    @property
    def met(self) -> bool:
        return self.present_now >= self.required

    def count(self, status: AttendanceStatus) -> int:
        return self.by_status.get(status, 0)

    def line(self) -> str:
        """The generated 성원 line of the minutes: ``재적위원 16명 중 14명 출석``."""
        return f"재적위원 {self.enrolled}명 중 {self.present}명 출석"

    def detail_lines(self) -> list[str]:
        """대리출석, 서면, 온라인 on their own lines (``대리출석 1명``), only those that occurred."""
        return [f"{KIND_WORDS[st]} {self.count(st)}명" for st in (S.ONLINE, S.PROXY, S.WRITTEN) if self.count(st)]


def tally(attendees, rules: BodyRules) -> Tally:
    members = [a for a in attendees if enrolled(a, rules)]
    by_status: dict = {}
    for a in members:
        by_status[a.status] = by_status.get(a.status, 0) + 1
    return Tally(
        enrolled=len(members),
        present=sum(1 for a in members if counts_for_quorum(a, rules)),
        present_now=sum(1 for a in members if here_now(a, rules)),
        required=required_to_open(rules.open_quorum, len(members)),
        voting=sum(1 for a in members if counts_for_vote(a, rules)),
        by_status=by_status,
    )


@dataclass(frozen=True)
class QuorumChange:
    """A moment the meeting lost or regained 의사정족수 (after it was first met)."""

    at: dt.time
    present: int
    met: bool

    def text(self, enrolled: int) -> str:
        state = "의사정족수 회복" if self.met else "의사정족수 미달(표결 중지)"
        return f"{self.at:%H:%M} {state} — 재적위원 {enrolled}명 중 {self.present}명 재석"


def quorum_changes(attendees, rules: BodyRules) -> list[QuorumChange]:
    """Losses and recoveries of 의사정족수 from arrival and 퇴장 times, in order."""
    t = tally(attendees, rules)
    counted = [a for a in attendees if counts_for_quorum(a, rules)]
    times = sorted({x for a in counted for x in (a.arrived_at, a.left_at) if x})
    opened = sum(1 for a in counted if a.arrived_at is None) >= t.required  # those there from the start
    met_before, changes = opened, []
    for at in times:
        here = sum(1 for a in counted if here_now(a, rules, at))
        met = here >= t.required
        if opened and met != met_before:
            changes.append(QuorumChange(at, here, met))
        opened = opened or met  # before the meeting first opens, nothing is "lost"
        met_before = met
    return changes


# --- 참석수당: who is paid, at which rate ---------------------------------------------------

FULL, WRITTEN_RATE = "full", "written"


def pay_basis(a: Attendee, rules: BodyRules) -> tuple[str | None, str]:
    """(``"full"`` / ``"written"`` / ``None``, note) for one member's attendance."""
    if not a.is_member or a.status not in rules.paid_statuses:
        return None, ""
    if not is_commissioned(a.kind) and a.is_public_official and not rules.pay_ex_officio:
        return None, "당연직 공무원 미지급"
    if a.status is S.WRITTEN:
        return WRITTEN_RATE, "서면 참석"
    if a.status is S.PROXY:
        return FULL, f"대리출석({a.proxy_name})" if a.proxy_name else "대리출석"
    return FULL, ""


def is_paid(a: Attendee, rules: BodyRules) -> bool:
    return pay_basis(a, rules)[0] is not None
