"""Minutes (회의록) workflow 초안 → 확정 — part of ``MeetingService``.

Confirming records who and when and locks the minutes (every edit through
the services is then refused with a clear message); only an explicit 확정 취소
with a reason unlocks them, and both are written to the access log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aict_desktop.domain.enums import MinutesStatus
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import Meeting
from aict_desktop.domain.rules.minutes_record import unrecorded_members
from aict_desktop.i18n import _, fmt_date
from aict_desktop.services.agenda import clean_notes, save_checked_text
from aict_desktop.services.meeting_host import MeetingHost
from aict_desktop.services.validation import clean_text
from aict_desktop.store.audit import log_access
from aict_desktop.store.optimistic import save_versioned


@dataclass(frozen=True)
class ConfirmCheck:
    missing: list[str]  # the fields the law requires that are still empty: 확정 is refused
    unrecorded: list[str]  # members whose attendance is still 미정: 확정 asks first

    @property
    def refusal(self) -> str:
        if not self.missing:
            return ""
        return _("The minutes cannot be confirmed yet: the law requires {fields} (공공기록물법 시행령 제18조②)."
                 ).format(fields=", ".join(self.missing))

    @property
    def warning(self) -> str:
        if not self.unrecorded:
            return ""
        return _("The attendance of {n} members is not recorded: {names}. The confirmed minutes will show them as "
                 "미정 (not recorded).").format(n=len(self.unrecorded), names=", ".join(self.unrecorded))


def _confirm_check(s, meeting_id: int) -> ConfirmCheck:
    from aict_desktop.services.attendees import meeting_count
    from aict_desktop.services.minutes_data import missing_record

    mc = meeting_count(s, meeting_id)
    return ConfirmCheck(missing=missing_record(s, mc), unrecorded=unrecorded_members(mc.attendees))


class MinutesMixin(MeetingHost):
    """Minutes methods of ``MeetingService`` (needs ``store`` and ``_get``)."""

    def _require_draft(self, m: Meeting) -> None:
        if m.minutes_status is MinutesStatus.CONFIRMED:
            when = m.minutes_confirmed_at
            raise ValidationError(
                _("The minutes were confirmed by {who} on {when} and are locked. "
                  "Cancel the confirmation to edit them.").format(
                    who=m.minutes_confirmed_by,
                    when=f"{fmt_date(when.date())} {when:%H:%M}" if when else "",
                )
            )

    def save_summary(self, meeting_id: int, text: str, *, base: str | None = None) -> str:
        """Save the general remarks of the minutes (autosaved like the notes, checked against ``base``).

        The meeting's version is left alone: editing the meeting's place on the 회의 page while meeting
        mode autosaves is no conflict; only another text in the remarks is.
        """
        with self.store.write() as s:
            m = self._get(s, meeting_id)
            self._require_draft(m)
            return save_checked_text(s, Meeting, meeting_id, "minutes_summary", clean_notes(text, _("Minutes")),
                                     base, _("The other remarks"), versioned=False)

    def save_observers(self, meeting_id: int, text: str) -> None:
        with self.store.write() as s:
            m = self._get(s, meeting_id)
            self._require_draft(m)
            m.observers = clean_notes(text, _("Observers"), max_len=2000)
            s.add(m)

    def confirm_check(self, meeting_id: int) -> ConfirmCheck:
        """What 확정 would say now: the refusal (a required field empty) and the warning (members 미정)."""
        with self.store.session() as s:
            return _confirm_check(s, meeting_id)

    def confirm_minutes(self, meeting_id: int, by: str) -> Meeting:
        """확정: refused while a field the law requires is empty (공공기록물법 시행령 제18조②)."""
        with self.store.write() as s:
            m = self._get(s, meeting_id)
            self._require_draft(m)
            refusal = _confirm_check(s, meeting_id).refusal
            if refusal:
                raise ValidationError(refusal)
            who = clean_text(by, _("Confirmed by"), required=True, max_len=100)
            now = dt.datetime.now().replace(microsecond=0)
            log_access(s, "minutes.confirm", target=m.title, detail=who)
            return save_versioned(s, Meeting, meeting_id, {
                "minutes_status": MinutesStatus.CONFIRMED, "minutes_confirmed_by": who, "minutes_confirmed_at": now,
            }, expected_version=m.version)

    def unconfirm_minutes(self, meeting_id: int, by: str, reason: str) -> Meeting:
        """확정 취소: explicit, with a reason, and itself recorded."""
        with self.store.write() as s:
            m = self._get(s, meeting_id)
            if m.minutes_status is not MinutesStatus.CONFIRMED:
                raise ValidationError(_("The minutes are not confirmed."))
            who = clean_text(by, _("Name"), required=True, max_len=100)
            why = clean_text(reason, _("Reason"), required=True, max_len=1000)
            log_access(s, "minutes.unconfirm", target=m.title, detail=f"{who}: {why}")
            return save_versioned(s, Meeting, meeting_id, {
                "minutes_status": MinutesStatus.DRAFT, "minutes_confirmed_by": "", "minutes_confirmed_at": None,
            }, expected_version=m.version)
