"""The main window's commands that open dialogs of their own: 가져오기, 백업, 복원, 도움말, 정보, 끝내기.

A mixin of ``MainWindow`` (needs its ``services``, ``settings``, ``pages``, ``stack``, ``current_page``,
``_may_leave``, ``attach_services``, ``confirm_close`` and ``restore_handler``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from aict_desktop import __version__
from aict_desktop.i18n import _


class WindowCommands:
    def open_import(self) -> None:
        if self.services is None:
            return
        from aict_desktop.ui.dialogs.import_wizard import ImportWizard

        kind = "people" if self.current_page() is self.pages.get("people") else "institutions"
        if ImportWizard.ask(self.services, kind, self):
            page = self.current_page()
            if page is not None and hasattr(page, "refresh"):
                page.refresh()

    def backup_now(self) -> None:
        if self.services is None:
            return
        from aict_desktop.ui.dialogs.backup import BackupDialog

        BackupDialog.ask(self.services, self.settings, self)

    def restore_backup(self) -> bool:
        """파일 → 백업에서 복원: asked, checked, the current file kept; the window then shows the restored data."""
        if self.services is None or not self._may_leave(self.current_page()):
            return False
        from aict_desktop.ui.dialogs.restore import restore_from_backup

        return restore_from_backup(self, self.settings.backup_folder(), self.restore_handler)

    def replace_services(self, services) -> None:
        """The data file was replaced (복원): every page is built again on the new services."""
        for page in list(self.pages.values()):
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.services = None
        self.attach_services(services)

    def about(self) -> None:
        QMessageBox.about(self, _("About AICT Secretariat"), _(
            "AICT Secretariat {version}\nRosters, appointment certificates, meetings and minutes, tasks — "
            "for the secretariats of Korean public–private committees."
        ).format(version=__version__))

    def show_help(self) -> None:
        from aict_desktop.ui.help import HelpDialog

        HelpDialog.show_for(self)

    def quit_requested(self) -> None:
        """파일 → 끝내기: asks about typed changes first."""
        if self.confirm_close():
            self._asked_to_close = True
            self.close()
