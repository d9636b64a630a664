"""Spreadsheet cells that cannot run as formulas (CSV/formula injection).

A cell text beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is what Excel and LibreOffice read as a formula or DDE call (e.g.
``=cmd|' /C calc'!A0``). ``safe_cell`` prefixes such text with an
apostrophe, the usual OWASP neutralisation, so it shows as text. Numbers
that merely start with ``-`` (e.g. ``-5``) stay numbers.
"""

from __future__ import annotations

import re

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*$")


def is_dangerous(text: str) -> bool:
    stripped = text.lstrip(" \u3000")
    return bool(stripped) and stripped.startswith(_TRIGGERS) and not _NUMBER.match(stripped)


def safe_cell(value):
    """The value to write into a .xlsx or .csv cell; non-strings pass through unchanged."""
    if isinstance(value, str) and is_dangerous(value):
        return "'" + value
    return value
