"""참여기관 명단: a network's member institutions by sector (구분), as an A4 PDF or an .xlsx.

One line per institution taking part on the day: 연번, 구분, 기관명, 역할 (주관·간사·참여기관),
참여일, 비고; sorted by sector in the order the program lists sectors, then by name. The
subtitle counts them per sector (``대학 5 · 연구기관 4 · …``), as a 구청 report does.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from aict_desktop.documents.registers import table_pdf, table_xlsx
from aict_desktop.i18n import fmt_date

HEADERS = ("연번", "구분", "기관명", "역할", "참여일", "비고")


@dataclass(frozen=True)
class ParticipantLine:
    sector: str  # 대학, 연구기관 … (the label as printed)
    name: str
    role: str  # 참여기관, 간사기관, 주관기관
    joined_on: dt.date | None
    note: str = ""


def title(body_name: str) -> str:
    return f"{body_name} 참여기관 명단"


def sector_counts(lines: Sequence[ParticipantLine]) -> str:
    """``대학 5 · 연구기관 4`` in the order the lines come (already sorted by sector)."""
    counts = Counter(ln.sector for ln in lines)
    order = list(dict.fromkeys(ln.sector for ln in lines))
    return " · ".join(f"{sector} {counts[sector]}" for sector in order)


def rows(lines: Sequence[ParticipantLine], *, dates_as_text: bool = True) -> list[list]:
    """The table; for the .xlsx the 참여일 stays a date (``dates_as_text=False``)."""
    def day(d: dt.date | None):
        return (fmt_date(d) if dates_as_text else d) if d else ""

    return [[i, ln.sector, ln.name, ln.role, day(ln.joined_on), ln.note] for i, ln in enumerate(lines, start=1)]


def render(body_name: str, lines: Sequence[ParticipantLine], fmt: str, as_of: dt.date) -> bytes:
    head = title(body_name)
    if fmt == "xlsx":
        return table_xlsx(head, HEADERS, rows(lines, dates_as_text=False), (6, 12, 36, 12, 14, 24), row_height=20)
    table = rows(lines)
    subtitle = f"({fmt_date(as_of)} 현재, {len(lines)}개 기관)" + (f"\n{sector_counts(lines)}" if lines else "")
    return table_pdf(head, subtitle, HEADERS, table, (12, 22, 62, 22, 24, 38), centred=(0, 1, 3, 4), row_mm=None)
