"""Plain data each renderer takes (no database session ever reaches documents/).

Services assemble these from the store; renderers only print them. Text is
already final (Korean values of enums, names as stored); dates are ``date``
or ``datetime`` and are formatted by the renderer in the official style.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from aict_desktop.domain.rules.tax import Withheld


@dataclass
class CertificateData:
    """One 위촉장 page."""

    serial: str  # 제2025-001호
    person_name: str
    institution_name: str
    position_title: str
    body_name: str
    role_label: str  # 위원, 위원장, ...
    term_start: dt.date | None
    term_end: dt.date | None
    issued_on: dt.date
    issuer: str  # 서울특별시 서초구청장
    wording: str = ""  # "" = the default sentence; else with {body}/{role}/{name}
    seal_png: bytes | None = None  # None = no seal (stamped by hand)
    border: bool = True


@dataclass
class RosterLine:
    role: str
    name: str
    institution: str
    position: str
    kind: str  # 위촉직 / 당연직
    term_start: dt.date | None
    term_end: dt.date | None


@dataclass
class RosterData:
    body_name: str
    as_of: dt.date
    lines: list[RosterLine] = field(default_factory=list)


@dataclass
class AgendaLine:
    kind: str  # 보고 / 심의 / 의결
    title: str
    presenter: str = ""


@dataclass
class NoticeData:
    body_name: str
    title: str  # 서초AICT 운영위원회 제3차 정기회의
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    place: str
    agenda: list[AgendaLine] = field(default_factory=list)
    contact: str = ""
    issuer: str = ""  # who sends the notice (the body's name when empty)
    issued_on: dt.date | None = None
    note: str = ""
    urgent_reason: str = ""  # 긴급 사유 of a notice later than the body's notice days


@dataclass
class SheetLine:
    institution: str
    position: str
    name: str
    role: str = ""


@dataclass
class AttendanceSheetData:
    title: str
    starts_at: dt.datetime
    place: str
    lines: list[SheetLine] = field(default_factory=list)
    blank_rows: int = 5  # room for walk-ins (the renderer fits them to the page)
    not_invited: list[str] = field(default_factory=list)  # current members missing from the invitation: "홍길동(기관)"


@dataclass
class DecisionData:
    result: str  # 가결 / 부결 / 미결
    yes: int
    no: int
    abstain: int
    text: str = ""
    chair_vote: bool | None = None


@dataclass
class ActionData:
    """후속 조치: an action item decided under an agenda item (a task made in the meeting)."""

    title: str
    owner: str = ""  # "홍길동(기관)" or an institution
    due_on: dt.date | None = None


@dataclass
class MinutesItem:
    number: int
    kind: str
    title: str
    presenter: str = ""
    notes: str = ""  # 발언 요지
    decision: DecisionData | None = None
    actions: list[ActionData] = field(default_factory=list)
    recusals: list[str] = field(default_factory=list)  # "홍길동 위원 — 회피 (이해관계)"
    votes: str = ""  # named votes: "찬성 8명(…), 반대 1명(…), 기권 0명"
    closed: bool = False  # 비공개 item in a public version: only its number, kind and ``notes`` (the reason) print


@dataclass
class MinutesData:
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    place: str
    present: list[str] = field(default_factory=list)  # 출석 as the body counts it: "홍길동(기관)[온라인]"
    absent: list[str] = field(default_factory=list)
    observers: list[str] = field(default_factory=list)
    items: list[MinutesItem] = field(default_factory=list)
    summary: str = ""
    draft: bool = True
    confirmed_by: str = ""
    confirmed_at: dt.datetime | None = None
    signers: list[tuple[str, str]] = field(default_factory=list)  # (직책, 성명) for the signature block
    actions: list[ActionData] = field(default_factory=list)  # 후속 조치 not under any agenda item
    quorum_line: str = ""  # "재적위원 16명 중 14명 출석"
    quorum_details: list[str] = field(default_factory=list)  # "대리출석 1명", "서면 참석 1명", …
    quorum_changes: list[str] = field(default_factory=list)  # "16:10 의사정족수 미달(표결 중지) — …"
    organiser: str = ""  # 개최기관
    order: str = ""  # 진행 순서
    proxies: list[str] = field(default_factory=list)  # 대리출석 not counted as 출석
    written: list[str] = field(default_factory=list)  # 서면 not counted as 출석
    public: bool = False  # 공개용: 비공개 items and personal data left out (services.minutes_data.public_version)


@dataclass
class AllowanceLine(Withheld):
    """One row of the 참석수당 지급 명세 (also what ``services.allowances.compute`` returns)."""

    attendance_id: int
    name: str
    institution: str
    position: str
    category: str  # 위촉직 / 당연직 / 배석
    attendance: str  # 출석 / 온라인 / 서면 / 불참 ...
    amount: int  # won
    note: str = ""  # why: 2시간 초과, 당연직 공무원, an override's reason
    overridden: bool = False
    attended: bool = False
    person_id: int | None = None
    # 원천징수 (domain.rules.tax.withholding of the amount under the person's tax kind)
    role: str = ""  # 위원장 / 위원 / 간사 ...
    tax_kind: str = "기타소득"  # 기타소득 / 사업소득 / 비과세 / 미지급 / 공무원 제외
    taxable_income: int = 0  # 기타소득금액 (0 for 사업소득, taxed on the payment, and for 비과세)
    income_tax: int = 0  # 소득세
    local_tax: int = 0  # 지방소득세
    tax_note: str = ""  # 과세최저한 / 소액부징수 / 비과세 when nothing was withheld
    account: str = ""  # 은행·계좌, masked (filled for the 지급 조서 only)


@dataclass
class AllowanceSheetData:
    """The 참석수당 지급 조서 of one meeting."""

    title: str
    starts_at: dt.datetime
    place: str
    rate: int
    lines: list[AllowanceLine] = field(default_factory=list)
    body_name: str = ""
    written_rate: int = 0
    long_extra: int = 0
    basis: list[str] = field(default_factory=list)  # a line per attendance kind: who is paid how
    unpaid: list[str] = field(default_factory=list)  # "김공무(서초구청) — 당연직 공무원 미지급"
    prepared_by: str = ""  # 작성 (담당)
    checked_by: str = ""  # 확인
    prepared_on: dt.date | None = None
    account_note: str = ""  # why accounts are not shown (no key), else ""

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def paid_lines(self) -> list[AllowanceLine]:
        return [ln for ln in self.lines if ln.amount > 0]

    def sum_of(self, attr: str) -> int:
        """The total of one column over the paid lines (``amount``, ``income_tax``, ``net`` ...)."""
        return sum(getattr(ln, attr) for ln in self.paid_lines)


@dataclass
class AllowanceYearLine(Withheld):
    """One person's 참석수당 from one body in one year: what the 원천징수 담당 files."""

    person_id: int | None
    name: str
    institution: str
    body_name: str
    tax_kind: str
    payments: int = 0  # 지급 건수 (one per meeting)
    amount: int = 0
    taxable_income: int = 0
    income_tax: int = 0
    local_tax: int = 0
    has_rrn: bool = False  # 주민등록번호 등록 여부 (the number itself is never printed here)


@dataclass
class AllowancePayment:
    """One payment of the year: a meeting's line for one person."""

    paid_on: dt.date
    body_name: str
    meeting: str
    name: str
    institution: str
    tax_kind: str
    amount: int
    taxable_income: int
    income_tax: int
    local_tax: int
    note: str = ""


@dataclass
class AllowanceYearData:
    year: int
    body_name: str = ""  # "" = every body
    people: list[AllowanceYearLine] = field(default_factory=list)
    payments: list[AllowancePayment] = field(default_factory=list)
