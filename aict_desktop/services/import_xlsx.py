"""Reading an .xlsx roster: the active visible sheet, merged cells, and limits against zip bombs.

openpyxl's read-only mode streams the sheet (memory stays small); before it
unpacks anything, the zip members' declared sizes are checked, and rows,
columns and merged cells are capped, each refusal a message for the user.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import cast
from xml.etree.ElementTree import ParseError

from aict_desktop.i18n import _
from aict_desktop.services.import_readers import (
    MAX_COLUMNS,
    MAX_MEMBERS,
    MAX_MERGED_CELLS,
    MAX_MERGES,
    MAX_ROWS,
    MAX_UNPACKED,
    Cell,
    ImportFileError,
    Table,
    _blank,
)


def _open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The workbook's zip, refused before anything is unpacked when its members declare more than a roster
    could hold (a zip bomb: a few MB on disk, gigabytes unpacked). Python's zipfile never returns more than a
    member's declared size, so checking the declared sizes bounds what openpyxl can unpack."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportFileError(_damaged(name, exc)) from None
    unpacked = sum(m.file_size for m in members)
    if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED:
        zf.close()
        raise ImportFileError(_(
            "{name} would unpack to {mb} MB ({files} parts), far more than a roster (at most {max} MB); it may be "
            "damaged or made to exhaust memory. Nothing was read.").format(
            name=name, mb=unpacked // (1024 * 1024), files=len(members), max=MAX_UNPACKED // (1024 * 1024)))
    return zf


def _damaged(name: str, exc: BaseException) -> str:
    return _("{name} cannot be opened as an Excel file; it may be damaged or incomplete ({reason}).").format(
        name=name, reason=type(exc).__name__)


def _too_many_rows(name: str, sheet: str) -> ImportFileError:
    return ImportFileError(_(
        "{name}: the sheet '{sheet}' has more than {max} rows, far more than a roster; it may be damaged. "
        "Split the file. Nothing was read.").format(
        name=name, sheet=sheet, max=f"{MAX_ROWS:,}"))


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3}[0-9]{1,7}:[A-Za-z]{1,3}[0-9]{1,7})"')


def _too_many_merges(name: str, sheet: str) -> ImportFileError:
    return ImportFileError(_(
        "{name}: the sheet '{sheet}' has more merged cells than a roster could; unmerge them "
        "(Excel: 병합 해제) and save the file again.").format(name=name, sheet=sheet))


def _merged_ranges(zf: zipfile.ZipFile, member: str | None, name: str, sheet: str) -> list[tuple[int, int, int, int]]:
    """The sheet's merged ranges as (min_col, min_row, max_col, max_row), read by streaming its XML
    (openpyxl's read-only mode, which keeps memory small, does not give them)."""
    from openpyxl.utils.cell import range_boundaries

    if not member:
        return []
    refs: set[bytes] = set()
    tail = b""
    with zf.open(member.lstrip("/")) as f:
        while chunk := f.read(1 << 20):
            buf = tail + chunk
            refs.update(m.group(1) for m in _MERGE.finditer(buf))
            tail = buf[-200:]
            if len(refs) > MAX_MERGES:
                raise _too_many_merges(name, sheet)
    return [cast("tuple[int, int, int, int]", tuple(range_boundaries(r.decode("ascii")))) for r in refs]


def _apply_merges(rows: dict[int, list[Cell]], merges, name: str, sheet: str) -> None:
    """A merged cell holds its value only in its top-left cell; it counts for every row it covers
    (a 소속기관 merged down ten rows is the institution of all ten). Rows blank on their own stay out."""
    import bisect

    numbers = sorted(rows)
    budget = MAX_MERGED_CELLS
    for min_col, min_row, max_col, max_row in merges:
        top = rows.get(min_row)
        if top is None or min_col > MAX_COLUMNS:
            continue
        value = top[min_col - 1] if min_col - 1 < len(top) else None
        if _blank(value):
            continue
        last_col = min(max_col, MAX_COLUMNS)
        for n in numbers[bisect.bisect_left(numbers, min_row):bisect.bisect_right(numbers, max_row)]:
            cells = rows[n]
            budget -= last_col - min_col + 1
            if budget < 0:
                raise _too_many_merges(name, sheet)
            if len(cells) < last_col:
                cells.extend([None] * (last_col - len(cells)))
            for col in range(min_col, last_col + 1):
                if _blank(cells[col - 1]):
                    cells[col - 1] = value


def read_xlsx(data: bytes, name: str) -> list[Table]:
    """The active sheet first (if it is visible), then the other visible sheets; hidden sheets never."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    unreadable = (zipfile.BadZipFile, InvalidFileException, KeyError, ParseError, ValueError, TypeError, EOFError,
                  IndexError, OSError)
    zf = _open_zip(data, name)
    try:
        # data_only: a formula cell gives the value Excel saved, never a formula we would evaluate
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except unreadable as exc:
        zf.close()
        raise ImportFileError(_damaged(name, exc)) from None
    tables = []
    try:
        sheets = list(wb.worksheets)
        visible = [ws for ws in sheets if getattr(ws, "sheet_state", "visible") == "visible"]
        hidden = tuple(ws.title for ws in sheets if ws not in visible)
        try:
            active = wb.active
        except (IndexError, AttributeError):
            active = None
        order = ([active] if active in visible else []) + [ws for ws in visible if ws is not active]
        for ws in order:
            rows: dict[int, list[Cell]] = {}
            # blank rows cost time, not memory: what they can add up to is bounded by MAX_UNPACKED
            for n, values in enumerate(ws.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
                cells = cast("list[Cell]", list(values))  # values_only: plain values (formulas read as text)
                while cells and cells[-1] is None:
                    cells.pop()
                if any(not _blank(c) for c in cells):
                    rows[n] = cells
                    if len(rows) > MAX_ROWS:
                        raise _too_many_rows(name, ws.title)
            _apply_merges(rows, _merged_ranges(zf, getattr(ws, "_worksheet_path", None), name, ws.title), name,
                          ws.title)
            tables.append(Table(rows=sorted(rows.items()), sheet=ws.title, hidden_sheets=hidden))
    except unreadable as exc:
        raise ImportFileError(_damaged(name, exc)) from None
    finally:
        wb.close()
        zf.close()
    if not tables:
        raise ImportFileError(_("{name} has no visible sheet; show a sheet in Excel and save it again.").format(
            name=name))
    return tables
