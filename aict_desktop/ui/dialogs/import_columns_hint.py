"""The import wizard's line naming the columns a file needs, with 양식 저장… beside it.

The names come from ``services.import_columns`` (the list the importer matches headers against), so the
line, the saved template and the importer never disagree.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from aict_desktop.i18n import _
from aict_desktop.services.import_columns import COLUMNS, expected_columns


def hint_text(kind: str, *, appointing: bool) -> str:
    """``필요한 열 — 필수: 기관명 · 선택: 구분, 주소, …`` (people: and the appointment columns)."""
    columns = expected_columns(kind, appointing=False)
    text = _("Columns — required: {required} · optional: {optional}").format(
        required=", ".join(c.header for c in columns if c.required),
        optional=", ".join(c.header for c in columns if not c.required))
    appointment = ", ".join(c.header for c in COLUMNS[kind] if c.body_only)
    if appointment and appointing:
        text += " · " + _("for the appointment: {columns}").format(columns=appointment)
    elif appointment:
        text += " · " + _("with a body chosen, also: {columns}").format(columns=appointment)
    return text


class ColumnsHint(QWidget):
    """The expected columns (wrapping, never widening the window) and the button that saves a template."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("import_columns_hint")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.save_button = QPushButton(_("Save template…"))
        self.save_button.setAutoDefault(False)
        self.save_button.setToolTip(_("An Excel file with these columns and one example row: fill it in and "
                                      "choose it here"))
        row.addWidget(self.label, 1)
        row.addWidget(self.save_button)

    def show_for(self, kind: str, *, appointing: bool) -> None:
        self.label.setText(hint_text(kind, appointing=appointing))
