"""Qt's own strings (QFileDialog buttons, QMessageBox Yes/No) in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication


def install_qt_translator(app: QApplication, language: str) -> QTranslator | None:
    """Load ``qtbase_<lang>`` from PySide6's translations folder (kept alive on the app)."""
    QLocale.setDefault(QLocale(QLocale.Language.Korean if language == "ko" else QLocale.Language.English,
                               QLocale.Country.SouthKorea if language == "ko" else QLocale.Country.UnitedStates))
    if language == "en":
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        app._aict_qt_translator = translator  # keep a reference for the life of the app
        return translator
    return None
