"""The columns a secretariat's roster file may have, and finding the header row.

Korean headers as the office writes them, English aliases accepted. Headers
are compared without spaces, ``*`` marks, ``(필수)``-style notes, ``-``/``_``
and case, so ``임기 시작``, ``임기시작*`` and ``term_start`` are one column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from aict_desktop.domain.text import compare_key
from aict_desktop.i18n import N_


@dataclass(frozen=True)
class Column:
    field: str  # key used by the importer
    header: str  # the Korean header of a template file
    english: str  # the English alias (also the field name in --json output)
    label: str  # N_() label for messages
    aliases: tuple[str, ...] = ()
    required: bool = False
    phone: bool = False  # numbers typed into the cell get their leading 0 back
    body_only: bool = False  # only with a body to appoint to (people)

    def names(self) -> set[str]:
        return {normalise_header(n) for n in (self.header, self.english, self.field, *self.aliases)}

    def describe(self) -> str:
        return f"{self.header}/{self.english}"


INSTITUTION_COLUMNS = (
    Column("name", "기관명", "name", N_("Institution name"), ("기관", "기관이름", "institution"), required=True),
    Column("sector", "구분", "sector", N_("Sector"), ("분류", "유형", "기관구분")),
    Column("address", "주소", "address", N_("Address"), ("소재지",)),
    Column("phone", "대표전화", "phone", N_("Telephone"), ("전화", "전화번호", "대표번호", "telephone", "tel"),
           phone=True),
    Column("homepage", "홈페이지", "homepage", N_("Homepage"), ("웹사이트", "website", "url")),
    Column("note", "비고", "note", N_("Note"), ("메모", "notes")),
)

PEOPLE_COLUMNS = (
    Column("name", "성명", "name", N_("Name"), ("이름", "위원명"), required=True),
    Column("institution", "소속기관", "institution", N_("Institution"), ("소속", "기관명", "기관", "organization")),
    Column("department", "부서", "department", N_("Department"), ("소속부서", "dept")),
    Column("position", "직위", "position", N_("Position"), ("직급",)),
    Column("email", "이메일", "email", N_("E-mail"), ("전자우편", "메일", "이메일주소")),
    Column("mobile", "휴대전화", "mobile", N_("Mobile"), ("휴대폰", "핸드폰", "휴대전화번호", "연락처", "phone"),
           phone=True),
    Column("gender", "성별", "gender", N_("Gender"), ("남녀", "남/여", "sex")),
    Column("birth_year", "출생연도", "birth_year", N_("Birth year"), ("출생년도", "생년", "출생년", "birthyear")),
    Column("note", "비고", "note", N_("Note"), ("메모", "notes")),
    Column("role", "직책", "role", N_("Role"), (), body_only=True),
    Column("kind", "위촉구분", "kind", N_("Appointment kind"), ("구분",), body_only=True),
    Column("term_start", "임기시작", "term_start", N_("Term start"), ("임기시작일", "위촉일", "시작일"),
           body_only=True),
    Column("term_end", "임기종료", "term_end", N_("Term end"), ("임기종료일", "임기만료일", "종료일"),
           body_only=True),
)

COLUMNS = {"institutions": INSTITUTION_COLUMNS, "people": PEOPLE_COLUMNS}


def expected_columns(kind: str, *, appointing: bool = False) -> tuple[Column, ...]:
    """The columns a file of ``kind`` may have, in a template's order: the appointment columns
    (``body_only``) only when the rows are appointed to a body (the importer refuses them otherwise)."""
    return tuple(c for c in COLUMNS[kind] if appointing or not c.body_only)

HEADER_SEARCH_ROWS = 10  # a title or date line above the header is common in office files

_NOTE = re.compile(r"[(\[（].*?[)\]）]")


def normalise_header(text) -> str:
    t = unicodedata.normalize("NFKC", "" if text is None else str(text))
    t = _NOTE.sub("", t)
    return re.sub(r"[\s*_\-.·:]", "", t).casefold()


SIMILAR_PAIRS = 150_000  # name comparisons at most (about a second): beyond that, a bulk load is not checked


def similar_names(new: list[str], existing: list[str], *, cutoff: float = 0.75) -> dict[str, str]:
    """For each new name, an existing name close to it (a typo: 서쵸구청 for 서초구청), if any.

    Only names of about the same length are compared (a typo changes a character or two), and at most
    ``SIMILAR_PAIRS`` comparisons are made, so a file creating thousands of institutions stays quick."""
    import difflib

    by_length: dict[int, dict[str, str]] = {}
    for e in existing:
        key = name_key(e)
        by_length.setdefault(len(key), {}).setdefault(key, e)
    out: dict[str, str] = {}
    budget = SIMILAR_PAIRS
    matcher = difflib.SequenceMatcher()
    for name in new:
        key = name_key(name)
        matcher.set_seq2(key)
        best, best_ratio = None, cutoff
        for length in range(max(1, len(key) - 2), len(key) + 3):
            for other, shown in by_length.get(length, {}).items():
                budget -= 1
                if budget < 0:
                    return out
                matcher.set_seq1(other)
                if (matcher.real_quick_ratio() >= best_ratio and matcher.quick_ratio() >= best_ratio
                        and matcher.ratio() >= best_ratio):
                    best, best_ratio = shown, matcher.ratio()
        if best is not None:
            out[name] = best
    return out


def name_key(text: str) -> str:
    """Compare names the way a person would: NFKC (``ＬＧ전자`` is ``LG전자``), invisible characters dropped,
    spaces collapsed, case ignored (``domain.text.compare_key``)."""
    return compare_key(text)


@dataclass
class HeaderMatch:
    row_number: int
    index: int  # position of the header row in the table's rows
    columns: list[tuple[int, str, Column]]  # (cell index, header as written, column)
    ignored: list[str]
    doubled: list[str]  # two headers naming the same column


def match_header(cells: list, columns: tuple[Column, ...]) -> tuple[list[tuple[int, str, Column]], list[str], list[str]]:
    by_name: dict[str, Column] = {}
    for column in columns:
        for n in column.names():
            by_name.setdefault(n, column)
    found: list[tuple[int, str, Column]] = []
    ignored: list[str] = []
    doubled: list[str] = []
    seen: set = set()
    for i, cell in enumerate(cells):
        text = "" if cell is None else str(cell).strip()
        if not text:
            continue
        col = by_name.get(normalise_header(text))
        if col is None:
            ignored.append(text)
        elif col.field in seen:
            doubled.append(text)
        else:
            seen.add(col.field)
            found.append((i, text, col))
    return found, ignored, doubled


def find_header(rows: list[tuple[int, list]], columns: tuple[Column, ...]) -> HeaderMatch | None:
    """The first of the leading rows that names a required column."""
    required = {c.field for c in columns if c.required}
    for index, (row_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found, ignored, doubled = match_header(cells, columns)
        if required & {col.field for _i, _t, col in found}:
            return HeaderMatch(row_number, index, found, ignored, doubled)
    return None


SECTOR_ALIASES = {
    "대학교": "대학",
    "공공": "공공기관",
    "공기업": "공공기관",
    "지자체": "공공기관",
    "연구소": "연구기관",
    "연구원": "연구기관",
    "단체": "협회",
}
