"""위촉장 serial numbers: ``제2025-001호``, unique per body and year."""

from __future__ import annotations

import re

from aict_desktop.domain.errors import ValidationError
from aict_desktop.i18n import _

_SERIAL = re.compile(r"^제(\d{4})-(\d{3,})호$")


def format_serial(year: int, seq: int) -> str:
    if not (1900 <= year <= 9999) or seq < 1:
        raise ValidationError(_("A serial needs a four-digit year and a number from 1."))
    return f"제{year:04d}-{seq:03d}호"


def parse_serial(text: str) -> tuple[int, int]:
    """``제2025-001호`` → (2025, 1). Also accepts ``2025-001``."""
    t = (text or "").strip()
    if not t.startswith("제"):
        t = f"제{t}호"
    m = _SERIAL.match(t)
    if not m:
        raise ValidationError(_("'{text}' is not a certificate serial like 제2025-001호.").format(text=text))
    return int(m.group(1)), int(m.group(2))


def next_seq(used: list[int] | set[int]) -> int:
    """The next number after the highest used (void numbers are never reused)."""
    return max(used, default=0) + 1
