"""A list page's editor: showing a record, 새로 만들기, 저장, 삭제, and asking before typed changes are lost.

A mixin of ``pages.base.EntityPage``: it uses the page's ``form``, ``editor_title``, ``save_button``,
``delete_button``, ``filters``, its hooks (``load_record``, ``record_values``, ``create``, ``update``,
``delete``, ``describe``, ``defaults``, ``new_title``, ``record_loaded``) and ``refresh``/``select_id``.
"""

from __future__ import annotations

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.feedback import DISCARD, SAVE, ask_unsaved, confirm, show_error, status


class RecordEditing:
    def has_unsaved_changes(self) -> bool:
        """Something was typed into the editor that is not saved."""
        return self.save_button.isEnabled() and self.form.is_dirty()

    def ask_unsaved(self) -> str | None:
        """저장 / 저장 안 함 / 취소: SAVE when saved, DISCARD when the typed values were dropped, None to stay."""
        answer = ask_unsaved(self, self.editor_title.text())
        if answer == SAVE:
            return SAVE if self.save_record() else None
        if answer == DISCARD:
            self.discard_changes()
            return DISCARD
        return None

    def confirm_leave(self) -> bool:
        """Before the editor's content goes away (another page, quitting): True when it may."""
        return not self.has_unsaved_changes() or self.ask_unsaved() is not None

    def discard_changes(self) -> None:
        """Back to what is saved."""
        if self._current is None:
            self._show_new()
        else:
            self.form.set_values(self._original)

    def show_record(self, row) -> None:
        try:
            record = self.load_record(row)
        except DomainError as err:
            self.form.show_error(err)
            return
        self._current = record
        self._original = self.record_values(record)
        self.form.set_values(self._original)
        self.editor_title.setText(self.describe(record))
        self.delete_button.setEnabled(True)
        self.record_loaded(record)
        self.form.mark_clean()

    def _show_new(self) -> None:
        self._current = None
        self._original = {}
        self.form.clear(self.defaults())
        self.editor_title.setText(self.new_title())
        self.delete_button.setEnabled(False)
        self.record_loaded(None)
        self.form.mark_clean()

    def new_record(self) -> None:
        if not self.confirm_leave():
            return
        self._select_quietly(None)
        self._show_new()
        first = next(iter(self.form.fields.values()), None)
        if first is not None:
            first.setFocus()

    def save_record(self) -> bool:
        values = self.form.values()
        try:
            if self._current is None:
                record = self.create(values)
            else:
                changes = {k: v for k, v in values.items() if self._original.get(k) != v}
                record = self.update(self._current.id, changes, self._current.version, self._original) \
                    if changes else self._current
        except DomainError as err:
            self.form.show_error(err)
            return False
        self._current = record
        self.form.mark_clean()  # saved: what is typed is no longer at risk
        self.refresh()
        if not self.select_id(record.id):
            self.show_record_object(record)
        self.form.show_message(_("Saved."))
        status(self, _("Saved '{what}'.").format(what=self.describe(record)))
        self.record_saved.emit(record.id)
        return True

    def show_record_object(self, record) -> None:
        self._current = record
        self._original = self.record_values(record)
        self.form.set_values(self._original)
        self.editor_title.setText(self.describe(record))

    def delete_record(self, *, confirmed: bool = False) -> bool:
        if self._current is None:
            return False
        what = self.describe(self._current)
        if not confirmed and not confirm(self, _("Delete '{what}'? This cannot be undone.").format(what=what)):
            return False
        try:
            self.delete(self._current.id)
        except DomainError as err:
            self.form.show_error(err)
            if not confirmed:
                show_error(self, err)
            return False
        self._show_new()
        self.refresh()
        status(self, _("Deleted '{what}'.").format(what=what))
        return True

    def focus_search(self) -> None:
        if self.filters.search is not None:
            self.filters.search.setFocus()
            self.filters.search.selectAll()

    def print_current(self) -> None:
        """Ctrl+P: pages with a document override this."""
        status(self, _("There is nothing to print on this page."))
