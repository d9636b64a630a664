"""Pure text checks for names and cells: invisible characters, look-alikes, Excel error values, absurd dates.

A name (of a person or an institution) goes onto 위촉장, 명단 and 수당 지급 목록;
an invisible character in it (a zero-width space pasted from a web page, an
RTL mark, a BOM, a Hangul filler, a tab) makes two names that look the same
differ, and later stops a whole batch. ``hidden_character`` finds one;
``compare_key`` is how names are compared (NFKC, so full-width ``ＬＧ전자`` is
``LG전자``, with format characters removed, spaces collapsed, case ignored).
"""

from __future__ import annotations

import datetime as dt
import unicodedata

# Hangul fillers look like nothing (or a space) but are letters (category Lo), so categories miss them
HANGUL_FILLERS = frozenset("\u3164\u115f\u1160\uffa0")
# other characters that show as nothing and are not format characters
_BLANK_LOOKING = frozenset("\u034f\u180e\u2800\u17b4\u17b5")
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})

EXCEL_ERRORS = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!",
                          "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"})

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


def is_hidden(ch: str) -> bool:
    """A character that cannot be seen, or is a tab or line break, in a one-line name."""
    return (ch in HANGUL_FILLERS or ch in _BLANK_LOOKING
            or unicodedata.category(ch) in _REFUSED_CATEGORIES)


def hidden_character(text: str) -> str | None:
    """The first invisible, format or control character in ``text`` (tabs and line breaks too), or None."""
    for ch in text or "":
        if is_hidden(ch):
            return ch
    return None


def describe_character(ch: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: how a message names an invisible character."""
    name = {"\t": "TAB", "\n": "LINE FEED", "\r": "CARRIAGE RETURN"}.get(ch) or unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}".strip()


def compare_key(text: str) -> str:
    """Names compared as a reader would: NFKC (full-width and compatibility forms folded), invisible
    characters dropped, whitespace collapsed, case ignored. ``ＬＧ전자`` and ``LG\u200b전자`` are ``lg전자``."""
    t = unicodedata.normalize("NFKC", text or "")
    t = "".join(" " if ch in "\t\n\r\u2028\u2029\x0b\x0c" else ch for ch in t)
    t = "".join(ch for ch in t if not is_hidden(ch))
    return " ".join(t.split()).casefold()


def is_excel_error(value) -> bool:
    """``#N/A``, ``#REF!`` … : what a cell with a broken formula shows (and what Excel writes to a CSV)."""
    return isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS


def plausible_date(day: dt.date) -> bool:
    """A date a roster can mean: from 1900 to 2100 (``0001-01-01`` or ``9999-12-31`` is a broken cell)."""
    return EARLIEST_YEAR <= day.year <= LATEST_YEAR
