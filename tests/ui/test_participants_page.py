"""참여기관 명단 from the 기관 page: the body in the filter, or asked; the preview opens."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog

from tests.unit.test_participants import network


def press_escape_on_next_question() -> None:
    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        QTest.keyClick(box, Qt.Key.Key_Escape)
    QTimer.singleShot(0, answer)


def test_from_the_institutions_page(qtbot, services):
    from aict_desktop.ui.pages.institutions import InstitutionsPage
    from aict_desktop.ui.preview import PreviewDialog

    body = network(services)
    page = InstitutionsPage(services)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    press_escape_on_next_question()  # no body in the filter: asked which; Esc makes nothing
    qtbot.mouseClick(page.list_button, Qt.MouseButton.LeftButton)
    assert page.documents.last_job is None
    combo = page.filters.combos["body"]
    combo.setCurrentIndex(combo.findText(body.name, Qt.MatchFlag.MatchContains))  # the user picks the body
    qtbot.mouseClick(page.list_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.documents.last_job is not None and page.documents.last_job.done, timeout=15_000)
    dlg = PreviewDialog.open_dialogs()[-1]
    assert dlg.document.pageCount() == 1
    dlg.close()
