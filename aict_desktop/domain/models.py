"""Every table of the product (SQLModel), DESIGN §2.

Money is integer won. Enums are stored as their Korean value in a VARCHAR
(portable between SQLite and PostgreSQL). Records staff edit carry a
``version`` used for optimistic locking (see ``store.optimistic``).
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from aict_desktop.domain.enums import (
    AgendaKind,
    AppointmentKind,
    AttendanceStatus,
    BodyKind,
    CertificateStatus,
    DecisionQuorumRule,
    MeetingKind,
    MeetingStatus,
    MembershipRole,
    MinutesStatus,
    OpenQuorumRule,
    Priority,
    PrintKind,
    ProgramKind,
    Role,
    Sector,
    TaskStatus,
    TieRule,
    VoteResult,
)
from aict_desktop.domain.rules.composition import Gender
from aict_desktop.domain.rules.tax import TaxKind
from aict_desktop.domain.rules.voting import RecusalKind, VoteChoice


def _enum(enum_cls, default, **kw):
    """A Field storing an enum's (Korean) value as VARCHAR."""
    return Field(
        default=default,
        sa_type=sa.Enum(
            enum_cls,
            values_callable=lambda e: [m.value for m in e],
            native_enum=False,
            create_constraint=False,
            length=40,
        ),
        **kw,
    )


def _when(**kw):
    """A naive local date-time (meetings are wall-clock times in the office's zone)."""
    return Field(sa_type=sa.DateTime(), **kw)


class _Table(SQLModel):
    """The base of every table. Pydantic builds a model's validator when it is first needed, not at import:
    no table validates on construction (SQLModel sets a table's fields as given), so a start that never
    validates one never builds them (~40 ms of every process that opens the data file)."""

    model_config = {"defer_build": True}


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class Body(_Table, table=True):
    """기구: committee, network, council or working group (a body with a parent)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=200)
    short_name: str = Field(default="", max_length=100)
    kind: BodyKind = _enum(BodyKind, BodyKind.COMMITTEE)
    parent_id: Optional[int] = Field(default=None, foreign_key="body.id", index=True)
    issuer: str = Field(default="", max_length=200)  # 위촉권자, e.g. 서울특별시 서초구청장
    default_term_months: int = 24
    open_quorum: OpenQuorumRule = _enum(OpenQuorumRule, OpenQuorumRule.MAJORITY_OF_ENROLLED)
    decision_quorum: DecisionQuorumRule = _enum(DecisionQuorumRule, DecisionQuorumRule.MAJORITY_OF_PRESENT)
    tie_rule: TieRule = _enum(TieRule, TieRule.REJECTED)
    # 참석수당 (won): per meeting, extra for meetings over two hours, rate for 서면
    allowance_rate: int = 0
    allowance_long_extra: int = 0
    allowance_written_rate: int = 0
    allowance_ex_officio: bool = False  # pay 당연직 public officials too?
    certificate_wording: str = Field(default="")  # "" = default sentence
    certificate_border: bool = True
    seal_png: Optional[bytes] = Field(default=None, sa_type=sa.LargeBinary)
    goals: str = ""  # 목표 (working groups)
    plan: str = ""  # 실행 계획 (working groups)
    description: str = ""
    contact: str = ""  # 문의처 on notices
    rules: str = ""  # the rest of the body's rule set as JSON (domain.rules.BodyRules; "" = the legal defaults)
    seats: Optional[int] = None  # 정원 (the 조례's number of members); None: not set, no vacancies counted
    sort_order: int = 0
    version: int = 1
    created_at: dt.datetime = _when(default_factory=_now)
    updated_at: dt.datetime = _when(default_factory=_now)


class Institution(_Table, table=True):
    """기관."""

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=200)
    sector: Sector = _enum(Sector, Sector.OTHER)
    address: str = ""
    phone: str = ""
    homepage: str = ""
    note: str = ""
    is_sample: bool = False  # demo rows that are not real institutions
    version: int = 1
    created_at: dt.datetime = _when(default_factory=_now)
    updated_at: dt.datetime = _when(default_factory=_now)


class InstitutionMembership(_Table, table=True):
    """An institution's membership in a body, with dates and role."""

    __table_args__ = (sa.UniqueConstraint("institution_id", "body_id", "joined_on"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", index=True)
    body_id: int = Field(foreign_key="body.id", index=True)
    role: MembershipRole = _enum(MembershipRole, MembershipRole.MEMBER)
    joined_on: Optional[dt.date] = None
    left_on: Optional[dt.date] = None
    note: str = ""


class Person(_Table, table=True):
    """위원 and other people: belongs to an institution, has a position (직위)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, max_length=100)
    name_initials: str = Field(default="", index=True, max_length=100)  # 초성, for search
    institution_id: Optional[int] = Field(default=None, foreign_key="institution.id", index=True)
    department: str = ""
    position: str = ""  # 직위
    email: str = ""
    mobile: str = ""
    note: str = ""
    is_public_official: bool = False  # 공무원: no allowance by default
    gender: Gender = _enum(Gender, Gender.UNKNOWN)  # 성별 (양성평등기본법 제21조 composition)
    birth_year: Optional[int] = None  # 출생연도 (optional)
    tax_kind: TaxKind = _enum(TaxKind, TaxKind.OTHER_INCOME)  # 참석수당 원천징수 (domain.rules.tax; revision 0004)
    # encrypted at rest (security.fields); never stored in clear
    rrn_enc: Optional[str] = None  # 주민등록번호
    bank_enc: Optional[str] = None  # 은행·계좌번호·예금주
    version: int = 1
    created_at: dt.datetime = _when(default_factory=_now)
    updated_at: dt.datetime = _when(default_factory=_now)


class Appointment(_Table, table=True):
    """위촉: a person in a body with a role, kind and term. 연임 links to the previous term."""

    id: Optional[int] = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    body_id: int = Field(foreign_key="body.id", index=True)
    role: Role = _enum(Role, Role.MEMBER)
    kind: AppointmentKind = _enum(AppointmentKind, AppointmentKind.APPOINTED)
    term_start: dt.date
    term_end: Optional[dt.date] = None  # None: no fixed term (당연직)
    partial_term: bool = False  # 잔여임기
    ended_on: Optional[dt.date] = None
    end_reason: Optional[str] = Field(default=None, max_length=40)  # 해촉 | 사임 (AppointmentStatus value)
    end_note: str = ""
    previous_id: Optional[int] = Field(default=None, foreign_key="appointment.id")  # 연임 of
    position_title: str = ""  # 직위 as printed on the certificate (defaults to the person's)
    note: str = ""
    version: int = 1
    created_at: dt.datetime = _when(default_factory=_now)
    updated_at: dt.datetime = _when(default_factory=_now)


class Meeting(_Table, table=True):
    """회의: 제N차 per body."""

    __table_args__ = (sa.UniqueConstraint("body_id", "number"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    body_id: int = Field(foreign_key="body.id", index=True)
    number: int
    kind: MeetingKind = _enum(MeetingKind, MeetingKind.REGULAR)
    title: str = ""
    starts_at: dt.datetime = _when()
    ends_at: Optional[dt.datetime] = _when(default=None)  # planned end
    place: str = ""
    status: MeetingStatus = _enum(MeetingStatus, MeetingStatus.PLANNED)
    opened_at: Optional[dt.datetime] = _when(default=None)  # actual start (meeting mode)
    closed_at: Optional[dt.datetime] = _when(default=None)  # actual end
    observers: str = ""  # 배석자 as free text (walk-ins are Attendance rows)
    minutes_summary: str = ""  # general remarks
    minutes_status: MinutesStatus = _enum(MinutesStatus, MinutesStatus.DRAFT)
    minutes_confirmed_by: str = ""
    minutes_confirmed_at: Optional[dt.datetime] = _when(default=None)
    contact: str = ""
    note: str = ""
    notice_sent_on: Optional[dt.date] = None  # when the 회의 개최 알림 went out
    urgent_reason: str = ""  # 긴급 사유 for a notice later than the body's notice days
    version: int = 1
    created_at: dt.datetime = _when(default_factory=_now)
    updated_at: dt.datetime = _when(default_factory=_now)


class MeetingLease(_Table, table=True):
    """Meeting mode open on one PC: who holds the meeting, refreshed while the window is open.

    A second PC (or process) opening meeting mode on the meeting sees the holder and is offered
    read-only or taking over; a lease whose heartbeat is older than a few minutes is free.
    """

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True)
    token: str = Field(max_length=64)  # one per meeting-mode window
    holder: str = Field(default="", max_length=100)  # the OS user
    host: str = Field(default="", max_length=255)
    pid: int = 0
    started_at: dt.datetime = _when(default_factory=_now)
    heartbeat_at: dt.datetime = _when(default_factory=_now)


class AgendaItem(_Table, table=True):
    """안건: 보고/심의/의결, ordered per meeting, with 발언 요지."""

    id: Optional[int] = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    position: int = 0
    kind: AgendaKind = _enum(AgendaKind, AgendaKind.REPORT)
    title: str
    presenter: str = ""
    description: str = ""
    notes: str = ""  # 발언 요지
    closed: bool = False  # 비공개: left out of the public minutes (공개용)
    version: int = 1
    updated_at: dt.datetime = _when(default_factory=_now)


class AgendaTask(_Table, table=True):
    """An open action item carried forward onto an agenda (a 보고 item)."""

    agenda_item_id: int = Field(foreign_key="agendaitem.id", primary_key=True)
    task_id: int = Field(foreign_key="task.id", primary_key=True)


class Attendance(_Table, table=True):
    """참석: an invited member (person) or a walk-in 배석자 (name only)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    person_id: Optional[int] = Field(default=None, foreign_key="person.id", index=True)
    appointment_id: Optional[int] = Field(default=None, foreign_key="appointment.id")
    is_member: bool = True  # False: 배석자 (observer, not counted for quorum)
    name: str = ""  # walk-ins
    affiliation: str = ""  # walk-ins
    status: AttendanceStatus = _enum(AttendanceStatus, AttendanceStatus.UNKNOWN)
    arrived_at: Optional[dt.time] = None
    left_at: Optional[dt.time] = None
    proxy_name: str = ""
    allowance_override: Optional[int] = None  # won; None = computed
    allowance_reason: str = ""
    note: str = ""


class Decision(_Table, table=True):
    """의결 결과 of an agenda item."""

    id: Optional[int] = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="agendaitem.id", unique=True)
    yes: int = 0
    no: int = 0
    abstain: int = 0
    chair_vote: Optional[bool] = None  # on a tie, when the chair decides
    result: VoteResult = _enum(VoteResult, VoteResult.PENDING)
    text: str = ""  # 의결 내용 (e.g. 원안 가결, 수정 가결)
    updated_at: dt.datetime = _when(default_factory=_now)


class Recusal(_Table, table=True):
    """제척·기피·회피 of a member from one agenda item: excluded from its 의결 count."""

    __table_args__ = (sa.UniqueConstraint("agenda_item_id", "person_id"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="agendaitem.id", index=True)
    person_id: int = Field(foreign_key="person.id")
    kind: RecusalKind = _enum(RecusalKind, RecusalKind.WITHDRAWAL)
    reason: str = ""


class Vote(_Table, table=True):
    """A named vote (거수, entered by hand): one member's 찬성/반대/기권 on one item."""

    __table_args__ = (sa.UniqueConstraint("agenda_item_id", "person_id"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="agendaitem.id", index=True)
    person_id: int = Field(foreign_key="person.id")
    choice: VoteChoice = _enum(VoteChoice, VoteChoice.YES)


class CompositionException(_Table, table=True):
    """A recorded exception to a composition rule (e.g. 성별 60 %) at an appointment, with its reason."""

    id: Optional[int] = Field(default=None, primary_key=True)
    body_id: int = Field(foreign_key="body.id", index=True)
    appointment_id: Optional[int] = Field(default=None, foreign_key="appointment.id")
    rule: str = Field(default="성별", max_length=40)
    reason: str = ""
    counts: str = ""  # the composition at the time, as shown to the user
    by: str = ""
    at: dt.datetime = _when(default_factory=_now)


class Task(_Table, table=True):
    """과제 / action item."""

    id: Optional[int] = Field(default=None, primary_key=True)
    title: str
    description: str = ""
    body_id: Optional[int] = Field(default=None, foreign_key="body.id", index=True)
    owner_person_id: Optional[int] = Field(default=None, foreign_key="person.id")
    owner_institution_id: Optional[int] = Field(default=None, foreign_key="institution.id")
    due_on: Optional[dt.date] = None
    status: TaskStatus = _enum(TaskStatus, TaskStatus.PLANNED)
    progress: int = 0  # percent
    priority: Priority = _enum(Priority, Priority.NORMAL)
    origin_meeting_id: Optional[int] = Field(default=None, foreign_key="meeting.id")
    origin_agenda_item_id: Optional[int] = Field(default=None, foreign_key="agendaitem.id")
    origin_decision_id: Optional[int] = Field(default=None, foreign_key="decision.id")
    milestone_id: Optional[int] = Field(default=None, foreign_key="milestone.id")
    completed_on: Optional[dt.date] = None
    version: int = 1
    created_at: dt.datetime = _when(default_factory=_now)
    updated_at: dt.datetime = _when(default_factory=_now)


class TaskUpdate(_Table, table=True):
    """A dated entry in a task's log: who, what changed, comment."""

    id: Optional[int] = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    at: dt.datetime = _when(default_factory=_now)
    author: str = ""
    change: str = ""
    comment: str = ""


class Milestone(_Table, table=True):
    """실행 계획 milestone of a working group, per period (분기/반기)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    body_id: int = Field(foreign_key="body.id", index=True)
    title: str
    period: str = ""  # e.g. "2025 3분기", "2025 하반기"
    due_on: Optional[dt.date] = None
    status: TaskStatus = _enum(TaskStatus, TaskStatus.PLANNED)
    note: str = ""
    position: int = 0


class Program(_Table, table=True):
    """A programme the network runs: 공모, 교육과정, 특강, 해커톤, 페스타."""

    id: Optional[int] = Field(default=None, primary_key=True)
    body_id: Optional[int] = Field(default=None, foreign_key="body.id", index=True)
    kind: ProgramKind = _enum(ProgramKind, ProgramKind.OTHER)
    title: str
    held_on: Optional[dt.date] = None
    ends_on: Optional[dt.date] = None
    place: str = ""
    participants: int = 0
    note: str = ""


class Certificate(_Table, table=True):
    """위촉장 register (발급대장): one serial per certificate, unique per body and year."""

    __table_args__ = (
        sa.UniqueConstraint("body_id", "year", "seq"),
        sa.UniqueConstraint("body_id", "serial"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    body_id: int = Field(foreign_key="body.id", index=True)
    year: int
    seq: int
    serial: str = Field(max_length=40, index=True)  # 제2025-001호
    appointment_id: int = Field(foreign_key="appointment.id", index=True)
    issued_on: dt.date
    status: CertificateStatus = _enum(CertificateStatus, CertificateStatus.VALID)
    reissue_of_id: Optional[int] = Field(default=None, foreign_key="certificate.id")
    void_reason: str = ""
    voided_at: Optional[dt.datetime] = _when(default=None)
    # what was printed, frozen at issue (so a reprint matches the original)
    person_name: str = ""
    institution_name: str = ""
    position_title: str = ""
    role_label: str = ""
    term_start: Optional[dt.date] = None
    term_end: Optional[dt.date] = None
    # and what the body printed (revision 0002): a reprint after the body is renamed, or its 위촉권자,
    # wording or 직인 changes, still matches the original
    body_name: str = ""
    issuer: str = ""
    wording: str = ""  # "" = the default sentence
    border: bool = True
    seal_sha256: str = Field(default="", max_length=64)  # "" = the bundled sample seal; else a CertificateSeal
    created_at: dt.datetime = _when(default_factory=_now)


class CertificateSeal(_Table, table=True):
    """Every 직인 image a certificate was printed with, kept once (keyed by its SHA-256)."""

    sha256: str = Field(primary_key=True, max_length=64)
    png: bytes = Field(sa_type=sa.LargeBinary)


class CertificatePrint(_Table, table=True):
    """Every print of a certificate: the first issue and each reprint (재발급)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    certificate_id: int = Field(foreign_key="certificate.id", index=True)
    kind: PrintKind = _enum(PrintKind, PrintKind.ISSUE)
    at: dt.datetime = _when(default_factory=_now)
    by: str = ""
    file_sha256: str = ""


class AccessLog(_Table, table=True):
    """접속기록: append-only, hash-chained (store.audit)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    at: dt.datetime = _when(default_factory=_now)
    os_user: str = ""
    db_user: str = ""
    program: str = ""
    action: str = Field(max_length=60)
    target: str = ""  # what (e.g. "certificate 제2025-001호", "roster export")
    subject: str = ""  # whose data
    detail: str = ""
    prev_hash: str = Field(default="", max_length=64)
    hash: str = Field(default="", max_length=64)


class BodyBudget(_Table, table=True):
    """A body's yearly budget (revision 0004): the 운영현황 report sets 수당 집행액 against it."""

    __table_args__ = (sa.UniqueConstraint("body_id", "year"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    body_id: int = Field(foreign_key="body.id", index=True)
    year: int
    allowance: int = 0  # 참석수당 예산 (won)
    note: str = ""


class Setting(_Table, table=True):
    """Per-database settings (the data file's identity, key check, organisation)."""

    key: str = Field(primary_key=True, max_length=100)
    value: str = ""
