"""Terms, dates and amounts as the screen shows them: the office's Korean in the Korean UI (what the papers
print), English labels, Babel's weekdays and ₩ in the English UI. Papers always use ``aict_desktop.i18n``'s
Korean formats.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import TypeVar

from aict_desktop import i18n
from aict_desktop.i18n import _, fmt_date, fmt_date_weekday, fmt_time, fmt_won

E = TypeVar("E", bound=Enum)


def term(member: Enum | None) -> str:
    """An enum member as the screen shows it: the office's Korean term in the Korean UI (what the papers
    print), its label in the English UI."""
    if member is None:
        return ""
    if i18n.language() == "ko" or not hasattr(member, "label"):
        return str(member.value)
    return member.label()


def term_of(kind: type[E], value: str | None) -> str:
    """A stored Korean term (a row field holding an enum's value) on the screen; unknown text as it is."""
    if not value:
        return ""
    try:
        return term(kind(value))
    except ValueError:
        return value


def date_weekday(d: dt.date) -> str:
    """``2025. 6. 5.(목)``; in English ``2025. 6. 5. (Thu)`` (the weekday through Babel)."""
    if i18n.language() == "ko":
        return fmt_date_weekday(d)
    from babel.dates import format_date

    return f"{fmt_date(d)} ({format_date(d, 'EEE', locale='en')})"


def date_time(when: dt.datetime) -> str:
    return f"{date_weekday(when.date())} {fmt_time(when)}"


def won(amount: int) -> str:
    """``150,000원``; in English ``₩150,000`` (Babel)."""
    if i18n.language() == "ko":
        return fmt_won(amount)
    from babel.numbers import format_currency

    return format_currency(amount, "KRW", locale="en_US")


def number_affixes() -> tuple[str, str]:
    """A meeting's number around ``{n}``: ``제``, ``차`` (``제3차``); in English ``No. ``, ``""``."""
    if i18n.language() == "ko":
        return "제", "차"
    before, _sep, after = _("No. {n}").partition("{n}")
    return before, after


def meeting_number(text: str) -> str:
    """A stored ``제3차`` as the screen shows it (``No. 3`` in English); other text as it is."""
    found = re.fullmatch(r"제\s*(\d+)\s*차", text or "")
    if found is None:
        return text
    before, after = number_affixes()
    return f"{before}{found.group(1)}{after}"
