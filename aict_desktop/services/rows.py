"""Read-only rows the services hand to the GUI tables and ``aict list --json``.

Field names are the JSON contract of DESIGN §4 (snake_case; dates as
``datetime.date``, serialised to ISO by the CLI).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class BodyRow:
    id: int
    name: str
    kind: str
    parent: str | None
    issuer: str
    parent_id: int | None = None
    default_term_months: int = 24
    members: int = 0
    rules: dict = field(default_factory=dict)  # domain.rules.BodyRules.to_dict()


@dataclass
class InstitutionRow:
    id: int
    name: str
    sector: str
    sector_group: str = ""
    phone: str = ""
    address: str = ""
    homepage: str = ""
    note: str = ""
    people: int = 0
    bodies: list[str] = field(default_factory=list)


@dataclass
class PersonRow:
    id: int
    name: str
    institution: str | None
    position: str
    department: str = ""
    email: str = ""
    mobile: str = ""
    institution_id: int | None = None
    initials: str = ""
    gender: str = "미입력"  # 남 / 여 / 미입력
    birth_year: int | None = None


@dataclass
class AppointmentRow:
    id: int
    person: str
    institution: str | None
    body: str
    role: str
    kind: str
    term_start: dt.date
    term_end: dt.date | None
    status: str
    person_id: int = 0
    body_id: int = 0
    position: str = ""
    partial_term: bool = False
    previous_id: int | None = None
    days_left: int | None = None


@dataclass
class MeetingRow:
    id: int
    body: str
    number: int
    title: str
    date: dt.date
    status: str
    body_id: int = 0
    kind: str = ""
    time: str = ""
    place: str = ""
    minutes_status: str = ""


@dataclass
class TaskRow:
    id: int
    title: str
    body: str | None
    owner: str | None
    due: dt.date | None
    status: str
    progress: int
    body_id: int | None = None
    priority: str = ""
    overdue: bool = False
    origin_meeting_id: int | None = None


@dataclass
class CertificateRow:
    """One line of the 발급대장 (issue register)."""

    serial: str
    person: str
    body: str
    role: str
    issued_on: dt.date
    status: str
    id: int = 0
    body_id: int = 0
    appointment_id: int = 0
    institution: str = ""
    position: str = ""
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    year: int = 0
    seq: int = 0
    prints: int = 0  # 발급 + 재발급
    void_reason: str = ""
