"""Register the bundled Korean fonts with Qt so Hangul renders on any PC."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from aict_desktop.resources import resource

log = logging.getLogger(__name__)

UI_FAMILY = "NanumGothic"
UI_POINT_SIZE = 10
SYSTEM_NANUM = Path("/usr/share/fonts/truetype/nanum")
_WANTED = ("NanumGothic.ttf", "NanumGothicBold.ttf")


def font_files() -> list[Path]:
    """The TTFs to register: the bundled ones, else the system's fonts-nanum copy."""
    bundled = sorted(resource("fonts").glob("*.ttf")) if resource("fonts").is_dir() else []
    if any(p.name in _WANTED for p in bundled):
        return [p for p in bundled if p.name.startswith("NanumGothic")]
    return [SYSTEM_NANUM / name for name in _WANTED if (SYSTEM_NANUM / name).exists()]


def register_fonts(app: QApplication) -> str | None:
    """Add the fonts and make NanumGothic the application font; returns the family used."""
    family = None
    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not register font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families and family is None:
            family = families[0]
    if family:
        font = QFont(family, UI_POINT_SIZE)
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        app.setFont(font)
    return family
