"""Personal data of a person: 주민등록번호 and bank account, encrypted, masked, logged.

Every reveal, and every export, print and import of personal data by other
services (``record``), writes one access-log entry in the same transaction
as the work, so nothing is shown without its log entry committed first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from aict_desktop.domain.errors import DomainError, NotFound, ValidationError
from aict_desktop.domain.models import Person
from aict_desktop.i18n import _
from aict_desktop.security import fields
from aict_desktop.security.fields import BANK, RRN, BankAccount
from aict_desktop.security.keys import MODE_PASSPHRASE, KeyManager, KeyUnavailable
from aict_desktop.services.validation import clean_name, clean_text
from aict_desktop.store.audit import log_access

if TYPE_CHECKING:
    from aict_desktop.store.engine import Store

# access-log actions (stable codes; labels in store.audit.ACTION_LABELS)
REVEAL_RRN = "personal.reveal_rrn"
REVEAL_BANK = "personal.reveal_bank"
SET_RRN = "personal.set_rrn"
SET_BANK = "personal.set_bank"
CLEAR_RRN = "personal.clear_rrn"
CLEAR_BANK = "personal.clear_bank"
EXPORT = "personal.export"
PRINT = "personal.print"
IMPORT = "personal.import"
RESET = "personal.reset_key"

_CENTURY = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000}


def normalise_rrn(text: str, *, today: dt.date | None = None) -> str:
    """``800101-1234567`` (or with spaces, or 13 digits) → 13 digits; garbage refused.

    Checks the length, the birth date and the 7th digit (1–8; 5–8 are 외국인등록번호);
    the old check digit is not enforced (numbers issued since 2020 do not follow it).
    """
    raw = unicodedata_nfkc(text or "").strip()
    if not re.fullmatch(r"\d{6}[- ]?\d{7}", raw):
        raise ValidationError(
            _("A resident registration number has 13 digits, written like 800101-1234567."), field="rrn"
        )
    digits = re.sub(r"\D", "", raw)
    century = _CENTURY.get(digits[6])
    if century is None:
        raise ValidationError(_("The 7th digit of a resident registration number must be 1 to 8."), field="rrn")
    try:
        born = dt.date(century + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        raise ValidationError(
            _("The first six digits of a resident registration number must be a birth date (YYMMDD)."), field="rrn"
        ) from None
    if born > (today or dt.date.today()):
        raise ValidationError(_("The birth date in the resident registration number is in the future."), field="rrn")
    return digits


def unicodedata_nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text))


def clean_bank(bank: str, account: str, holder: str) -> BankAccount:
    bank = clean_name(bank, _("Bank"), required=True, max_len=50, field="bank")
    account = unicodedata_nfkc(account or "").strip()
    if not re.fullmatch(r"[0-9][0-9\- ]*[0-9]", account) or not 6 <= sum(c.isdigit() for c in account) <= 20:
        raise ValidationError(
            _("An account number has 6 to 20 digits, with hyphens if you like (e.g. 110-123-456789)."),
            field="account",
        )
    holder = clean_name(holder, _("Account holder"), required=True, max_len=100, field="holder")
    return BankAccount(bank=bank, account=re.sub(r" +", "-", account), holder=holder)


def subject_of(p: Person) -> str:
    return f"{p.name} (#{p.id})"


@dataclass
class PersonalView:
    """What the person editor shows without revealing anything."""

    person_id: int
    has_rrn: bool
    has_bank: bool
    rrn_masked: str = ""
    bank_masked: str = ""
    problem: str = ""  # why the masks could not be shown (no key, locked, altered)


class PersonalDataService:
    def __init__(self, store: Store, keys: KeyManager) -> None:
        self.store = store
        self.keys = keys

    # --- helpers ---------------------------------------------------------------

    def _person(self, s: Session, person_id: int) -> Person:
        p = s.get(Person, person_id)
        if p is None:
            raise NotFound(_("The person no longer exists."))
        return p

    def prepare(self) -> bytes:
        """Make sure the key exists and is unlocked (call before opening a session you pass in)."""
        return self.keys.key(create=True)

    def _key_for(self, person_id: int, session: Session | None) -> bytes:
        """The key for storing a value: made on first use, but never for a person who does not exist."""
        if session is not None:
            self._person(session, person_id)
            return self.keys.key()
        with self.store.session() as s:
            self._person(s, person_id)
        return self.prepare()

    def record(self, action: str, *, target: str, subjects: list[str] | str = "", detail: str = "",
               session: Session | None = None) -> None:
        """Log an export, print or import of personal data (in the caller's session if given)."""
        subject = subjects if isinstance(subjects, str) else ", ".join(subjects)
        if session is not None:
            log_access(session, action, target=target, subject=subject[:4000], detail=detail)
            return
        with self.store.write() as s:
            log_access(s, action, target=target, subject=subject[:4000], detail=detail)

    # --- setting and clearing -----------------------------------------------------

    def set_rrn(self, person_id: int, rrn: str, *, session: Session | None = None) -> str:
        """Store a 주민등록번호 encrypted; return its mask."""
        digits = normalise_rrn(rrn)
        key = self._key_for(person_id, session)
        with self._writing(session) as s:
            p = self._person(s, person_id)
            assert p.id is not None
            p.rrn_enc = fields.encrypt(key, digits, p.id, RRN)
            p.version += 1
            s.add(p)
            log_access(s, SET_RRN, target=_("resident registration number"), subject=subject_of(p))
        return fields.mask_rrn(digits)

    def set_bank(self, person_id: int, bank: str, account: str, holder: str = "", *,
                 session: Session | None = None) -> str:
        key = self._key_for(person_id, session)
        with self._writing(session) as s:
            p = self._person(s, person_id)
            acct = clean_bank(bank, account, holder or p.name)
            assert p.id is not None
            p.bank_enc = fields.encrypt(key, acct.to_json(), p.id, BANK)
            p.version += 1
            s.add(p)
            log_access(s, SET_BANK, target=_("bank account"), subject=subject_of(p))
        return acct.masked()

    def clear_rrn(self, person_id: int) -> None:
        self._clear(person_id, "rrn_enc", CLEAR_RRN, _("resident registration number"))

    def clear_bank(self, person_id: int) -> None:
        self._clear(person_id, "bank_enc", CLEAR_BANK, _("bank account"))

    def _clear(self, person_id: int, column: str, action: str, target: str) -> None:
        with self.store.write() as s:
            p = self._person(s, person_id)
            if getattr(p, column) is None:
                return
            setattr(p, column, None)
            p.version += 1
            s.add(p)
            log_access(s, action, target=target, subject=subject_of(p))

    def _writing(self, session: Session | None):
        if session is not None:
            return contextlib.nullcontext(session)
        return self.store.write()

    # --- showing ------------------------------------------------------------------

    def view(self, person_id: int) -> PersonalView:
        """Masks for the editor. Never asks for a passphrase; logs nothing (nothing is revealed)."""
        with self.store.session() as s:
            p = self._person(s, person_id)
            rrn_enc, bank_enc = p.rrn_enc, p.bank_enc
        v = PersonalView(person_id, has_rrn=rrn_enc is not None, has_bank=bank_enc is not None)
        if not (v.has_rrn or v.has_bank):
            return v
        v.rrn_masked = "******-*******" if v.has_rrn else ""
        v.bank_masked = "****" if v.has_bank else ""
        if not self.keys.unlocked() and self.keys.mode() == MODE_PASSPHRASE:
            v.problem = _("Locked: the passphrase is asked for when you reveal a value.")
            return v
        try:
            key = self.keys.key()
            if rrn_enc is not None:
                v.rrn_masked = fields.mask_rrn(fields.decrypt(key, rrn_enc, person_id, RRN))
            if bank_enc is not None:
                v.bank_masked = BankAccount.from_json(fields.decrypt(key, bank_enc, person_id, BANK)).masked()
        except DomainError as err:
            v.problem = err.message
        return v

    def reveal_rrn(self, person_id: int, *, reason: str = "") -> str:
        """The 주민등록번호 in clear (``800101-1234567``); logged before it is returned."""
        return fields.format_rrn(self._reveal(person_id, "rrn_enc", RRN, REVEAL_RRN, reason))

    def reveal_bank(self, person_id: int, *, reason: str = "") -> BankAccount:
        return BankAccount.from_json(self._reveal(person_id, "bank_enc", BANK, REVEAL_BANK, reason))

    def _reveal(self, person_id: int, column: str, kind: str, action: str, reason: str) -> str:
        reason = clean_text(reason, _("Reason"), max_len=500)
        with self.store.session() as s:
            token = getattr(self._person(s, person_id), column)
        if token is None:
            raise NotFound(_("No {what} is stored for this person.").format(what=fields.column_label(kind)))
        key = self.keys.key()
        value = fields.decrypt(key, token, person_id, kind)
        with self.store.write() as s:
            p = self._person(s, person_id)
            log_access(s, action, target=fields.column_label(kind), subject=subject_of(p), detail=reason)
        return value

    def bank_accounts(self, person_ids: list[int], *, purpose: str, action: str = EXPORT) -> dict[int, BankAccount]:
        """Clear bank accounts for a payment list; one log entry naming everyone included."""
        key = self.keys.key()
        out: dict[int, BankAccount] = {}
        names: list[str] = []
        with self.store.session() as s:
            for p in s.exec(select(Person).where(col(Person.id).in_(person_ids), col(Person.bank_enc).is_not(None))):
                assert p.id is not None and p.bank_enc is not None  # as selected
                out[p.id] = BankAccount.from_json(fields.decrypt(key, p.bank_enc, p.id, BANK))
                names.append(subject_of(p))
        if out:
            self.record(action, target=purpose, subjects=names, detail=_("bank account"))
        return out

    # --- a lost key -----------------------------------------------------------------

    def counts(self) -> tuple[int, int]:
        """(people with a 주민등록번호, people with a bank account)."""
        with self.store.session() as s:
            rrn = len(s.exec(select(Person.id).where(col(Person.rrn_enc).is_not(None))).all())
            bank = len(s.exec(select(Person.id).where(col(Person.bank_enc).is_not(None))).all())
        return rrn, bank

    def reset_key(self, *, confirm: bool) -> int:
        """Erase every encrypted value and forget the key (for a key that is lost for good).

        Names, institutions, meetings and everything else stay. Returns how many people lost values.
        """
        if not confirm:
            raise ValidationError(_("Resetting erases every stored 주민등록번호 and bank account; confirm it first."))
        with self.store.write() as s:
            people = list(s.exec(select(Person).where((col(Person.rrn_enc).is_not(None)) | (col(Person.bank_enc).is_not(None)))))
            for p in people:
                p.rrn_enc = None
                p.bank_enc = None
                p.version += 1
                s.add(p)
            self.keys.forget(s)
            log_access(s, RESET, target=_("encryption key"),
                       detail=_("{n} people's encrypted values erased").format(n=len(people)))
        return len(people)


__all__ = ["PersonalDataService", "PersonalView", "normalise_rrn", "clean_bank", "KeyUnavailable"]
