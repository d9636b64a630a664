"""Reading a secretariat's table: an .xlsx (openpyxl) or .csv (UTF-8, UTF-8 with BOM, CP949) file, or cells
pasted from Excel (tab-separated text, ``PastedText``).

The reader only turns a file into rows of raw cell values with the row
numbers the user sees in Excel (the first line is row 1). It knows nothing
about institutions or people; ``services.importing`` maps and checks the
columns. A file that cannot be read raises ``ImportFileError`` with a
message for the user; a DRM-protected file (an encrypted container, common
in 구청) says so and points to pasting the cells instead.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.text import EARLIEST_YEAR, LATEST_YEAR, plausible_date
from aict_desktop.i18n import _

Cell = str | int | float | dt.date | dt.datetime | dt.time | bool | None

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
MAX_BYTES = 50 * 1024 * 1024  # a roster is kilobytes; refuse something absurd before reading it
MAX_UNPACKED = 64 * 1024 * 1024  # .xlsx: what its zip members may unpack to, together
MAX_MEMBERS = 2_000  # .xlsx: parts in the zip
MAX_ROWS = 200_000  # non-blank rows of one sheet or CSV file (a roster has hundreds; a district-wide list 130,000)
MAX_COLUMNS = 100  # .xlsx: columns read (a roster has about a dozen)
MAX_MERGES = 20_000  # .xlsx: merged ranges of one sheet
MAX_MERGED_CELLS = 500_000  # .xlsx: cells filled in from merged ranges


class ImportFileError(ValidationError):
    """The file as a whole cannot be read (not one bad row)."""


@dataclass
class Table:
    """A sheet's non-blank rows as (row number, cells)."""

    rows: list[tuple[int, list[Cell]]]
    encoding: str = ""  # for CSV: the encoding that was detected
    sheet: str = ""  # for .xlsx: the sheet read
    hidden_sheets: tuple[str, ...] = ()  # for .xlsx: sheets not read because they are hidden


@dataclass(frozen=True)
class PastedText:
    """Cells copied in Excel and pasted: text/plain, tab-separated, the first row the headers."""

    text: str

    @property
    def name(self) -> str:
        return _("the pasted cells")


Source = Path | PastedText  # both have .name: the file's name, or 붙여넣은 셀 (how messages name the table)


def read_source(source: Source) -> list[Table]:
    """The tables of a file (``read_table``) or of pasted cells."""
    if isinstance(source, PastedText):
        return [read_pasted(source.text)]
    return read_table(Path(source))


def read_pasted(text: str) -> Table:
    """Excel's clipboard text: tab-separated, CRLF line ends, a cell holding a line break in quotes."""
    name = _("the pasted cells")
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows' clipboard ends lines with CRLF
    if not text.strip():
        raise ImportFileError(_("The clipboard holds no cells. Select the cells in Excel (the header row "
                                "first), copy them with Ctrl+C and paste again."))
    if "\t" not in text.split("\n", 1)[0] and "," in text.split("\n", 1)[0]:
        return _rows_of(text, name, ",", encoding="")  # copied from a CSV opened in a text editor
    return _rows_of(text, name, "\t", encoding="")


# Office files under DRM (문서보안) are encrypted containers, not zip files: the vendor's header, or an OLE
# compound file holding an EncryptedPackage (Microsoft IRM/AIP and password-protected workbooks).
DRM_HEADERS = (b"<## FSN", b"<##FSN", b"SCDSA")  # Fasoo, SoftCamp
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def drm_protected(data: bytes, suffix: str) -> bool:
    """True for a DRM container: a vendor's header, or an OLE file where a workbook or CSV should be
    (an .xlsx is a zip; an .xls that holds an EncryptedPackage is protected too)."""
    head = data[:64].lstrip()
    if any(head.startswith(h) for h in DRM_HEADERS):
        return True
    if not data.startswith(OLE_MAGIC[:4]):
        return False
    encrypted = "EncryptedPackage".encode("utf-16-le") in data[:1 << 20]
    return encrypted or suffix != ".xls"


def drm_message() -> str:
    return _("This file is protected by DRM (DRM 보호 파일) and cannot be read. Open it in Excel, select the "
             "cells and copy them, then use 붙여넣기 in the import wizard.")


def read_table(path: Path) -> list[Table]:
    """Every sheet of the file (a CSV has one), blank rows left out."""
    path = Path(path)
    if not path.exists():
        raise ImportFileError(_("There is no file at {path}.").format(path=path))
    if path.is_dir():
        raise ImportFileError(_("{path} is a folder, not a file.").format(path=path))
    suffix = path.suffix.lower()
    if suffix in (".xls", *CSV_SUFFIXES, *XLSX_SUFFIXES) and _protected(path, suffix):
        raise ImportFileError(drm_message())
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
        from aict_desktop.services.import_xlsx import read_xlsx

        return read_xlsx(data, path.name)
    return [_read_csv(data, path.name)]


def _protected(path: Path, suffix: str) -> bool:
    try:
        with path.open("rb") as f:
            data = f.read(1 << 20)
    except OSError:
        return False  # read_table says why below
    return drm_protected(data, suffix)


# --- CSV -------------------------------------------------------------------------


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, UTF-16 with BOM, else CP949.

    A UTF-8 file with one stray byte is not read as CP949 (that would turn every 한글 into garbage): it is
    refused naming the line of the byte."""
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
    failures: dict[str, UnicodeDecodeError] = {}
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            failures[enc] = exc
            continue
        if "\x00" in text:
            break
        utf8 = failures.get("utf-8")
        if enc == "cp949" and utf8 is not None and not data[:utf8.start].isascii():
            raise _stray_byte(name, data, utf8, "UTF-8")  # real UTF-8 before the bad byte
        return text, {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "cp949": "CP949", "utf-16": "UTF-16"}[enc]
    if failures:  # text up to a point: name the line of the byte in the encoding the file got furthest in
        enc, furthest = max(failures.items(), key=lambda kv: kv[1].start)
        if furthest.start > 0 and not data[:furthest.start].isascii():
            label = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "cp949": "CP949", "utf-16": "UTF-16"}[enc]
            raise _stray_byte(name, data, furthest, "UTF-8 / CP949" if len(failures) > 1 else label)
    raise ImportFileError(
        _(
            "{name} is neither UTF-8 nor CP949 text. Open it in Excel and save it as 'CSV UTF-8' or as .xlsx."
        ).format(name=name)
    )


def _stray_byte(name: str, data: bytes, exc: UnicodeDecodeError, encoding: str) -> ImportFileError:
    line = data.count(b"\n", 0, exc.start) + 1
    return ImportFileError(_(
        "{name}, line {line}: the byte 0x{byte:02X} is not {encoding} text (the file may be damaged or mix two "
        "encodings). Open it in Excel and save it as 'CSV UTF-8' or as .xlsx.").format(
        name=name, line=line, byte=data[exc.start], encoding=encoding))


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(data: bytes, name: str) -> Table:
    text, encoding = decode_text(data, name)
    return _rows_of(text, name, _delimiter(text), encoding)


def _rows_of(text: str, name: str, delimiter: str, encoding: str) -> Table:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[Cell]]] = []
    n = 0
    while True:
        start_line = reader.line_num + 1  # where the record being read starts (a quoted cell may span lines)
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise _csv_problem(name, str(exc), start_line, reader.line_num) from None
        n += 1
        if any(c.strip() for c in cells):
            rows.append((n, list(cells)))
            if len(rows) > MAX_ROWS:
                raise ImportFileError(_(
                    "{name} has more than {max} rows, far more than a roster; it may be damaged. "
                    "Split the file. Nothing was read.").format(name=name, max=f"{MAX_ROWS:,}"))
    return Table(rows=rows, encoding=encoding)


def _csv_problem(name: str, reason: str, start_line: int, line: int) -> ImportFileError:
    """csv's English errors as a message with the line (as a text editor counts lines)."""
    if "field larger than field limit" in reason:
        return ImportFileError(_(
            "{name}, line {line}: a cell is longer than {max} characters; a quote (\") is probably missing, or the "
            "file is not a roster.").format(name=name, line=start_line, max=f"{csv.field_size_limit():,}"))
    if "end of data" in reason:
        return ImportFileError(_(
            "{name}, line {line}: a quote (\") opened here is never closed, so the rest of the file would be one "
            "cell. Close the quote or remove it.").format(name=name, line=start_line))
    if "expected after" in reason:
        return ImportFileError(_(
            "{name}, line {line}: text follows a closing quote (\") inside a cell. Put the whole cell in quotes and "
            "double the quotes inside it (\"\"), or remove them.").format(name=name, line=line))
    return ImportFileError(_("{name}, line {line}: not valid CSV ({reason}).").format(
        name=name, line=line, reason=reason))


# --- xlsx --------------------------------------------------------------------------


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
    or an Excel date cell; None for an empty cell; ValueError for anything else, ValidationError for a
    date no roster means (before 1900 or after 2100, e.g. ``0001-01-01``)."""
    day = _parse_date(cell)
    if day is not None and not plausible_date(day):
        raise ValidationError(_("'{value}' is not a plausible date: write a date from {first} to {last}.").format(
            value=day.isoformat(), first=EARLIEST_YEAR, last=LATEST_YEAR))
    return day


def _parse_date(cell: Cell) -> dt.date | None:
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
