"""Meeting mode's action items (``ActionItemService.for_meeting``); those of the agenda item on screen in blue."""

from __future__ import annotations

from PySide6.QtGui import QColor

from aict_desktop.i18n import N_
from aict_desktop.ui.models.base import Column
from aict_desktop.ui.models.live_rows import LiveRowsModel

CURRENT_ITEM = QColor("#00008b")  # Qt's darkBlue, as before


class ActionItemsTableModel(LiveRowsModel):
    COL_TITLE, COL_OWNER, COL_DUE, COL_AGENDA = range(4)
    COLUMNS = (
        Column(N_("Action item"), lambda r: r.title),
        Column(N_("Owner"), lambda r: r.owner),
        Column(N_("Due"), lambda r: r.due),
        Column(N_("Agenda item"), lambda r: r.agenda_title),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.agenda_item_id: int | None = None

    def set_agenda_item(self, item_id: int | None) -> None:
        """The agenda item being discussed: its action items show in blue."""
        self.agenda_item_id = item_id
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.COLUMNS) - 1))

    def colour(self, row) -> QColor | None:
        return CURRENT_ITEM if self.agenda_item_id is not None and row.agenda_item_id == self.agenda_item_id else None

    def tooltip(self, row, column: int) -> str | None:
        """The whole title where a narrow column cuts it."""
        text = {self.COL_TITLE: row.title, self.COL_AGENDA: row.agenda_title}.get(column)
        return text or None
