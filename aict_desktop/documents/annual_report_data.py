"""Plain data of the yearly 운영현황 report (지방자치법 제130조⑤; RULES.md 12), per body and for all bodies.

``services.annual_report`` fills these from the store; the PDF and xlsx
renderers only print them. Counts are ints, money integer won, rates percent
floats (``None`` when nothing was held), dates ``date``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

FORMS = ("대면", "서면", "화상")  # how a meeting was held
AGENDA_KINDS = ("보고", "심의", "의결")
SECTOR_GROUPS = ("산", "학", "연", "관", "기타")
ROLES = ("위원장", "부위원장", "분과장", "위원", "간사")


@dataclass
class MeetingYearLine:
    held_on: dt.date
    number: int
    title: str
    kind: str  # 정기 / 임시
    form: str  # 대면 / 서면 / 화상
    enrolled: int
    present: int
    agenda: dict = field(default_factory=dict)  # {"보고": n, "심의": n, "의결": n}
    passed: int = 0
    rejected: int = 0


@dataclass
class MemberRate:
    name: str
    invited: int
    attended: int
    rate: float | None  # percent
    review: bool  # under the body's threshold: 해촉 검토 대상


@dataclass
class ExpiringTerm:
    name: str
    role: str
    kind: str
    term_end: dt.date


@dataclass
class BodyYear:
    """One body's year."""

    name: str
    kind: str
    parent: str = ""
    issuer: str = ""
    # 위원 구성 on ``as_of``
    commissioned: int = 0
    ex_officio: int = 0
    seats: int | None = None  # 정원 (None: not set)
    vacancies: int | None = None  # 결원 (domain.rules.vacancies)
    by_gender: dict = field(default_factory=dict)  # 위촉직 {"남", "여", "미입력"}
    gender_cap: int = 60
    gender_cap_ok: bool = True
    exceptions: list[str] = field(default_factory=list)  # recorded 성별 exceptions: "2025. 6. 1. 사유 (성명)"
    by_sector: dict = field(default_factory=dict)  # {"산": n, "학": n, "연": n, "관": n, "기타": n}
    by_role: dict = field(default_factory=dict)
    ended: list[str] = field(default_factory=list)  # 해촉·사임 in the year: "홍길동(사임, 2025. 3. 2.)"
    expiring: list[ExpiringTerm] = field(default_factory=list)  # terms ending next year
    # 회의
    meetings: list[MeetingYearLine] = field(default_factory=list)
    # 출석
    rates: list[MemberRate] = field(default_factory=list)
    review_percent: int = 50
    # 수당
    paid: int = 0
    withheld: int = 0
    payments: int = 0
    budget: int | None = None
    # 분과 과제 and programmes (the body and its 분과)
    tasks_done: int = 0
    tasks_open: int = 0
    tasks_overdue: int = 0
    programs: list[tuple[dt.date | None, str, str, int]] = field(default_factory=list)  # (held_on, kind, title, n)

    @property
    def members(self) -> int:
        return self.commissioned + self.ex_officio

    @property
    def women_percent(self) -> float | None:
        return 100.0 * self.by_gender.get("여", 0) / self.commissioned if self.commissioned else None

    def held(self, form: str | None = None) -> int:
        return sum(1 for m in self.meetings if form is None or m.form == form)

    def agenda(self, kind: str | None = None) -> int:
        return sum(m.agenda.get(k, 0) for m in self.meetings for k in ((kind,) if kind else AGENDA_KINDS))

    @property
    def passed(self) -> int:
        return sum(m.passed for m in self.meetings)

    @property
    def rejected(self) -> int:
        return sum(m.rejected for m in self.meetings)

    @property
    def mean_rate(self) -> float | None:
        """출석률 of the body: members present over members invited, all meetings of the year."""
        invited = sum(r.invited for r in self.rates)
        return 100.0 * sum(r.attended for r in self.rates) / invited if invited else None

    @property
    def review(self) -> list[MemberRate]:
        return [r for r in self.rates if r.review]

    @property
    def execution_percent(self) -> float | None:
        return 100.0 * self.paid / self.budget if self.budget else None


@dataclass
class AnnualReport:
    year: int
    as_of: dt.date
    scope: str  # a body's name, or "전체 기구"
    bodies: list[BodyYear] = field(default_factory=list)
    made_on: dt.date | None = None


def total_of(bodies: list[BodyYear]) -> BodyYear:
    """The 합계 line of the 총괄표: counts and money added up, rates over all members invited."""
    t = BodyYear(name="합계", kind="")
    budgets = [b.budget for b in bodies if b.budget is not None]
    t.budget = sum(budgets) if budgets else None
    for b in bodies:
        t.commissioned += b.commissioned
        t.ex_officio += b.ex_officio
        for k, v in b.by_gender.items():
            t.by_gender[k] = t.by_gender.get(k, 0) + v
        t.meetings += b.meetings
        t.rates += b.rates
        t.paid += b.paid
        t.withheld += b.withheld
        t.payments += b.payments
    return t
