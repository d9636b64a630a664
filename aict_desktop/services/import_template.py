"""An .xlsx template for ``aict import`` and the import wizard: the columns the importer reads, one example row.

The header row is ``import_columns.expected_columns`` (the list the importer matches headers against), the
required columns in bold on a coloured fill, each header carrying a note with its other accepted names. One
example row the importer accepts as it is; the header frozen; the columns wide enough; and on the columns
that take one of a few values (구분, 성별, 직책, 위촉구분) an Excel list of exactly the values the importer accepts.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

from aict_desktop.domain.enums import AppointmentKind, Role, Sector
from aict_desktop.domain.rules.composition import Gender
from aict_desktop.domain.terms import default_term_end
from aict_desktop.i18n import _
from aict_desktop.services.import_columns import Column, expected_columns

TEMPLATE_ROWS = 1000  # the rows below the header that get the value lists
REQUIRED_FILL = "FFF2CC"  # pale yellow: the columns a row cannot do without
HEADER_FILL = "E7EEF7"

# The columns that take one of a few values, and those values (the Korean ones the importer's checks parse).
CHOICES: dict[str, tuple[str, ...]] = {
    "sector": tuple(m.value for m in Sector),
    "gender": (Gender.MALE.value, Gender.FEMALE.value),  # blank is 미입력
    "role": tuple(m.value for m in Role),
    "kind": tuple(m.value for m in AppointmentKind),
}


def example_row(kind: str, *, appointing: bool = False, today: dt.date | None = None,
                term_months: int = 24) -> dict[str, object]:
    """An example row, by field, that the importer accepts: a university for institutions, a professor of it
    for people (appointed for ``term_months`` from ``today`` when ``appointing``)."""
    if kind == "institutions":
        return {"name": "예시대학교", "sector": Sector.UNIVERSITY.value, "address": "서울특별시 서초구 예시로 123",
                "phone": "02-1234-5678", "homepage": "https://www.example.ac.kr",
                "note": "예시 행: 지우고 입력하세요"}
    row: dict[str, object] = {"name": "홍길동", "institution": "예시대학교", "department": "인공지능학과",
                              "position": "교수", "email": "hong@example.ac.kr", "mobile": "010-1234-5678",
                              "gender": Gender.FEMALE.value, "birth_year": 1975, "note": "예시 행: 지우고 입력하세요"}
    if appointing:
        start = today or dt.date.today()
        # 성별 left blank (미입력): one woman or one man would be all of a new body's 위촉직, over the 60 % cap
        row.update(gender=None, role=Role.MEMBER.value, kind=AppointmentKind.APPOINTED.value, term_start=start,
                   term_end=default_term_end(start, term_months))
    return row


def template_name(kind: str) -> str:
    return _("institutions import template.xlsx") if kind == "institutions" else _("people import template.xlsx")


def build_template(kind: str, *, appointing: bool = False, today: dt.date | None = None,
                   term_months: int = 24) -> bytes:
    """The template as .xlsx bytes."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = expected_columns(kind, appointing=appointing)
    example = example_row(kind, appointing=appointing, today=today, term_months=term_months)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = _("Institutions") if kind == "institutions" else _("People")
    ws.append([c.header for c in columns])
    ws.append([example.get(c.field) for c in columns])
    for i, column in enumerate(columns, start=1):
        letter = get_column_letter(i)
        head = ws.cell(row=1, column=i)
        head.font = Font(bold=column.required, color="9C0006" if column.required else None)
        head.fill = PatternFill("solid", fgColor=REQUIRED_FILL if column.required else HEADER_FILL)
        head.alignment = Alignment(horizontal="center", vertical="center")
        head.comment = Comment(column_note(column), "AICT")
        value = ws.cell(row=2, column=i)
        if isinstance(example.get(column.field), dt.date):
            value.number_format = "yyyy-mm-dd"
        elif column.phone:
            value.number_format = "@"  # text: Excel keeps the leading 0
        shown = value.value.isoformat() if isinstance(value.value, dt.date) else value.value
        ws.column_dimensions[letter].width = max(10, display_width(column.header) + 4, display_width(shown) + 4)
        choices = CHOICES.get(column.field)
        if choices:
            rule = DataValidation(type="list", formula1='"{}"'.format(",".join(choices)), allow_blank=True,
                                  showErrorMessage=True, errorTitle=_("Not a value this column takes"),
                                  error=_("Choose one of: {values}").format(values=", ".join(choices)))
            rule.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            ws.add_data_validation(rule)
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 22
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def column_note(column: Column) -> str:
    """The note on a header cell: required or not, the values it takes, the other names the importer reads."""
    lines = [_("Required") if column.required else _("Optional")]
    if column.field in CHOICES:
        lines.append(_("Values: {values}").format(values=", ".join(CHOICES[column.field])))
    others = [n for n in (column.english, *column.aliases) if n != column.header]
    if others:
        lines.append(_("Also read as: {names}").format(names=", ".join(others)))
    return "\n".join(lines)


def display_width(value: object) -> int:
    """Characters as Excel's column width counts them: a Hangul or other wide character is two."""
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

