"""Dashboard addition: a progress bar per working group, and overdue tasks by owner."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.feedback import show_error

ALERT_STYLE = "color: #b3261e;"


class GroupProgressWidget(QWidget):
    """Per-group progress bars (mean task progress) and the overdue tasks grouped by owner."""

    group_activated = Signal(int)  # a working group's body id (clicked name)

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.setObjectName("group_progress_widget")
        self.bars: dict[int, QProgressBar] = {}
        self.groups_box = QGroupBox(_("Working groups: progress"))
        self.grid = QGridLayout(self.groups_box)
        self.grid.setColumnStretch(1, 1)
        self.owners_box = QGroupBox(_("Overdue tasks by owner"))
        self.owners = QListWidget()
        self.owners.setObjectName("overdue_by_owner")
        self.owners.setFrameShape(QFrame.Shape.NoFrame)
        QVBoxLayout(self.owners_box).addWidget(self.owners)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.groups_box, 3)
        lay.addWidget(self.owners_box, 2)

    def reload(self) -> None:
        try:
            summaries = self.services.groups.summaries()
            by_owner = self.services.tasks.overdue_by_owner()
        except DomainError as err:
            show_error(self, err)
            return
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.bars.clear()
        if not summaries:
            self.grid.addWidget(QLabel(_("No working groups yet.")), 0, 0)
        for row, g in enumerate(summaries):
            name = QLabel(f'<a href="{g.id}">{html.escape(g.name)}</a>')
            name.setTextFormat(Qt.TextFormat.RichText)
            name.linkActivated.connect(lambda link: self.group_activated.emit(int(link)))
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(g.progress)
            bar.setFormat("%p%")
            bar.setObjectName(f"group_bar_{g.id}")
            counts = _("{done}/{total} done").format(done=g.tasks_done, total=g.tasks_total)
            detail = QLabel(counts if g.tasks_total else _("No tasks"))
            if g.tasks_overdue:
                detail.setText(counts + " · " + _("{n} overdue").format(n=g.tasks_overdue))
                detail.setStyleSheet(ALERT_STYLE)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(bar, row, 1)
            self.grid.addWidget(detail, row, 2)
            self.bars[g.id] = bar
        self.owners.clear()
        if not by_owner:
            self.owners.addItem(_("No overdue tasks."))
        for owner, rows in by_owner.items():
            titles = ", ".join(r.title for r in rows[:3]) + (" …" if len(rows) > 3 else "")
            item = QListWidgetItem(_("{owner}: {n} — {titles}").format(owner=owner, n=len(rows), titles=titles))
            item.setForeground(Qt.GlobalColor.darkRed)
            item.setToolTip("\n".join(f"{r.title} ({r.body}, {r.due})" for r in rows))
            self.owners.addItem(item)
