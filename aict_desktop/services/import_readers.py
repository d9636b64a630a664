"""Reading a secretariat's table file: .xlsx (openpyxl) or .csv (UTF-8, UTF-8 with BOM, CP949).

The reader only turns a file into rows of raw cell values with the row
numbers the user sees in Excel (the first line is row 1). It knows nothing
about institutions or people; ``services.importing`` maps and checks the
columns. A file that cannot be read raises ``ImportFileError`` with a
message for the user.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

from aict_desktop.domain.errors import ValidationError
from aict_desktop.i18n import _

Cell = str | int | float | dt.date | dt.datetime | dt.time | bool | None

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
MAX_BYTES = 50 * 1024 * 1024  # a roster is kilobytes; refuse something absurd before reading it


class ImportFileError(ValidationError):
    """The file as a whole cannot be read (not one bad row)."""


@dataclass
class Table:
    """A sheet's non-blank rows as (row number, cells)."""

    rows: list[tuple[int, list[Cell]]]
    encoding: str = ""  # for CSV: the encoding that was detected
    sheet: str = ""  # for .xlsx: the sheet read


def read_table(path: Path) -> list[Table]:
    """Every sheet of the file (a CSV has one), blank rows left out."""
    path = Path(path)
    if not path.exists():
        raise ImportFileError(_("There is no file at {path}.").format(path=path))
    if path.is_dir():
        raise ImportFileError(_("{path} is a folder, not a file.").format(path=path))
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ImportFileError(
            _("{name} is an old Excel 97-2003 file (.xls). Open it in Excel and save it as .xlsx or CSV.").format(
                name=path.name
            )
        )
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        raise ImportFileError(
            _("{name}: only Excel (.xlsx) and CSV (.csv) files can be imported.").format(name=path.name)
        )
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFileError(
                _("{name} is too large to be a roster ({mb} MB).").format(name=path.name, mb=size // (1024 * 1024))
            )
        if size == 0:
            raise ImportFileError(_("{name} is empty.").format(name=path.name))
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            _("{name} cannot be read: {reason}").format(name=path.name, reason=exc.strerror or exc)
        ) from None
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(data, path.name)
    return [_read_csv(data, path.name)]


# --- CSV -------------------------------------------------------------------------


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, UTF-16 with BOM, else CP949."""
    if data.startswith(b"PK\x03\x04"):
        raise ImportFileError(
            _("{name} is an Excel workbook with a .csv name. Rename it to .xlsx or save it again as CSV.").format(
                name=name
            )
        )
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp949"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text, {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "cp949": "CP949", "utf-16": "UTF-16"}[enc]
    raise ImportFileError(
        _(
            "{name} is neither UTF-8 nor CP949 text. Open it in Excel and save it as 'CSV UTF-8' or as .xlsx."
        ).format(name=name)
    )


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_csv(data: bytes, name: str) -> Table:
    text, encoding = decode_text(data, name)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True))
    except csv.Error as exc:
        raise ImportFileError(
            _("{name} is not a valid CSV file: {reason}").format(name=name, reason=str(exc))
        ) from None
    rows = [(n, list(cells)) for n, cells in enumerate(records, start=1) if any(c.strip() for c in cells)]
    return Table(rows=rows, encoding=encoding)


# --- xlsx --------------------------------------------------------------------------


def _read_xlsx(data: bytes, name: str) -> list[Table]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    unreadable = (zipfile.BadZipFile, InvalidFileException, KeyError, ParseError, ValueError, TypeError, EOFError,
                  IndexError, OSError)
    try:
        # data_only: a formula cell gives the value Excel saved, never a formula we would evaluate
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except unreadable as exc:
        raise ImportFileError(
            _("{name} cannot be opened as an Excel file; it may be damaged or incomplete ({reason}).").format(
                name=name, reason=type(exc).__name__
            )
        ) from None
    tables = []
    try:
        for ws in wb.worksheets:
            rows = []
            for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = list(values)
                if any(not _blank(c) for c in cells):
                    rows.append((n, cells))
            tables.append(Table(rows=rows, sheet=ws.title))
    except unreadable as exc:
        raise ImportFileError(
            _("{name} cannot be opened as an Excel file; it may be damaged or incomplete ({reason}).").format(
                name=name, reason=type(exc).__name__
            )
        ) from None
    finally:
        wb.close()
    return tables


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


# --- cell values -----------------------------------------------------------------------


def cell_text(cell: Cell, *, phone: bool = False) -> str:
    """A cell as the text the user sees; numbers typed into a phone column get their leading 0 back."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(sep=" ", timespec="minutes")
    if isinstance(cell, (dt.date, dt.time)):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int):
        text = str(cell)
        if phone and 9 <= len(text) <= 10 and not text.startswith("0"):
            text = "0" + text  # 01012345678 typed as a number loses its 0
        return text
    return str(cell).strip()


_DATE = re.compile(r"^(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(cell: Cell) -> dt.date | None:
    """``2025-06-12``, ``2025. 6. 12.``, ``2025.06.12``, ``2025/6/12``, ``2025년 6월 12일``, ``20250612``
    or an Excel date cell; None for an empty cell; ValueError for anything else."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if 20_000 <= cell <= 80_000:  # an Excel date serial in a cell not formatted as a date
            from openpyxl.utils.datetime import from_excel

            return from_excel(cell).date()
        raise ValueError(cell)
    text = cell_text(cell)
    if not text:
        return None
    m = _DATE.match(text) or _COMPACT_DATE.match(text)
    if m is None:
        raise ValueError(text)
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))  # ValueError for 2025-02-30
