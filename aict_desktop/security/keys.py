"""The data key for encrypted personal data: OS keyring, else a session passphrase.

One fixed keyring service name; one entry per database, keyed by the
database id kept in the Setting table. The key itself is never written to
the database: the Setting table holds only how the key is kept
(``privacy.key_mode``), a key-check value (a constant encrypted with the
key, so a wrong key is recognised) and, in passphrase mode, the scrypt salt
and parameters.

Where no keyring backend works (a headless Linux PC) the program asks for a
passphrase once per session (``passphrase_provider``) and derives the key
with scrypt. It never stores the key in clear and never falls back to
plaintext: without a key, setting or revealing personal data fails with a
clear message, and everything else keeps working.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from aict_desktop.domain.errors import DomainError, ValidationError
from aict_desktop.domain.models import Setting
from aict_desktop.i18n import _
from aict_desktop.store.identity import ensure_identity, get_setting, set_setting

SERVICE = "AICT Secretariat data key"
MODE_KEYRING = "keyring"
MODE_PASSPHRASE = "passphrase"
S_MODE = "privacy.key_mode"
S_CHECK = "privacy.key_check"
S_KDF = "privacy.kdf"
CHECK_PLAIN = b"aict-desktop key check v1"
SCRYPT_DEFAULT = {"n": 2**15, "r": 8, "p": 1}
MIN_PASSPHRASE = 8

# (new: bool) -> passphrase or None (cancelled). new=True: choosing one (ask twice).
PassphraseProvider = Callable[[bool], "str | None"]


class KeyUnavailable(DomainError):
    """The data key cannot be had: personal data stays encrypted, the rest works."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def make_check(key: bytes, database_id: str) -> str:
    nonce = os.urandom(12)
    return _b64(nonce + AESGCM(key).encrypt(nonce, CHECK_PLAIN, b"key-check:" + database_id.encode()))


def key_matches(key: bytes, check: str, database_id: str) -> bool:
    try:
        raw = _unb64(check)
        return AESGCM(key).decrypt(raw[:12], raw[12:], b"key-check:" + database_id.encode()) == CHECK_PLAIN
    except (InvalidTag, ValueError):
        return False


def derive_key(passphrase: str, salt: bytes, params: dict) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=int(params["n"]), r=int(params["r"]), p=int(params["p"]))
    return kdf.derive(passphrase.encode("utf-8"))


def keyring_usable() -> bool:
    """True when a backend that really keeps secrets is installed and answers."""
    from aict_desktop.system_keyring import usable

    return usable()


class KeyManager:
    """Holds the data key for one store for the session (in memory only)."""

    def __init__(self, store, passphrase_provider: PassphraseProvider | None = None):
        self.store = store
        self.passphrase_provider = passphrase_provider
        self._key: bytes | None = None

    # --- state ---------------------------------------------------------------

    def database_id(self) -> str:
        return get_setting(self.store, "database_id") or ensure_identity(self.store)

    def mode(self) -> str:
        """'' (no key yet), 'keyring' or 'passphrase'."""
        return get_setting(self.store, S_MODE)

    def has_key(self) -> bool:
        """A key was made for this database (so encrypted data may exist)."""
        return bool(get_setting(self.store, S_CHECK))

    def unlocked(self) -> bool:
        return self._key is not None

    def lock(self) -> None:
        self._key = None

    def set_passphrase_provider(self, provider: PassphraseProvider | None) -> None:
        self.passphrase_provider = provider

    # --- getting the key -----------------------------------------------------

    def key(self, *, create: bool = False) -> bytes:
        """The data key; made on first use when ``create``. Raises KeyUnavailable."""
        if self._key is not None:
            return self._key
        check = get_setting(self.store, S_CHECK)
        if not check:
            if not create:
                raise KeyUnavailable(_("No personal data has been encrypted in this data file yet."))
            self._key = self._create()
            return self._key
        mode = get_setting(self.store, S_MODE)
        key = self._from_passphrase(check) if mode == MODE_PASSPHRASE else self._from_keyring(check)
        self._key = key
        return key

    def _from_keyring(self, check: str) -> bytes:
        from aict_desktop import system_keyring
        from keyring.errors import KeyringError

        db_id = self.database_id()
        if not keyring_usable():
            raise KeyUnavailable(
                _("The key for the encrypted personal data is kept in the system keyring, which is not available "
                  "on this computer. 주민등록번호 and bank accounts cannot be shown or changed; everything else works.")
            )
        try:
            stored = system_keyring.get_password(SERVICE, db_id)
        except KeyringError as exc:
            raise KeyUnavailable(
                _("The system keyring could not be read ({reason}). 주민등록번호 and bank accounts cannot be shown "
                  "or changed; everything else works.").format(reason=exc)
            ) from exc
        key = None
        if stored:
            try:
                key = _unb64(stored)
            except ValueError:
                key = None
        if key is None or not key_matches(key, check, db_id):
            raise KeyUnavailable(
                _("The key for the encrypted personal data of this data file is not on this computer (it was made "
                  "on another computer or the keyring entry was deleted). 주민등록번호 and bank accounts cannot be "
                  "shown; everything else works. Import the key, or reset the personal data to start anew.")
            )
        return key

    def _from_passphrase(self, check: str) -> bytes:
        db_id = self.database_id()
        try:
            kdf = json.loads(get_setting(self.store, S_KDF))
            salt = _unb64(kdf["salt"])
        except (ValueError, KeyError, TypeError) as exc:
            raise KeyUnavailable(_("The passphrase settings of this data file are damaged.")) from exc
        passphrase = self._ask(new=False)
        key = derive_key(passphrase, salt, kdf)
        if not key_matches(key, check, db_id):
            raise ValidationError(_("The passphrase is not correct."), field="passphrase")
        return key

    def _ask(self, *, new: bool) -> str:
        if self.passphrase_provider is None:
            raise KeyUnavailable(
                _("There is no system keyring on this computer, so the personal data is protected by a passphrase, "
                  "and no passphrase was given.")
            )
        passphrase = self.passphrase_provider(new)
        if not passphrase:
            raise KeyUnavailable(_("No passphrase was given; the personal data stays locked."))
        if new and len(passphrase) < MIN_PASSPHRASE:
            raise ValidationError(
                _("The passphrase must be at least {n} characters long.").format(n=MIN_PASSPHRASE), field="passphrase"
            )
        return passphrase

    # --- making the key ------------------------------------------------------

    def _create(self) -> bytes:
        from aict_desktop import system_keyring
        from keyring.errors import KeyringError

        db_id = self.database_id()
        if keyring_usable():
            key = AESGCM.generate_key(bit_length=256)
            try:
                system_keyring.set_password(SERVICE, db_id, _b64(key))
                ok = system_keyring.get_password(SERVICE, db_id) == _b64(key)
            except KeyringError:
                ok = False
            if ok:
                self._save(MODE_KEYRING, make_check(key, db_id), "")
                return key
        passphrase = self._ask(new=True)
        salt = os.urandom(16)
        params = dict(SCRYPT_DEFAULT)
        key = derive_key(passphrase, salt, params)
        self._save(MODE_PASSPHRASE, make_check(key, db_id), json.dumps({**params, "salt": _b64(salt)}))
        return key

    def _save(self, mode: str, check: str, kdf: str) -> None:
        """All three settings in one transaction: a crash leaves either no key or a whole one."""
        with self.store.write() as s:
            for k, v in ((S_MODE, mode), (S_KDF, kdf), (S_CHECK, check)):
                row = s.get(Setting, k)
                if row is None:
                    s.add(Setting(key=k, value=v))
                else:
                    row.value = v
                    s.add(row)

    # --- moving the key and starting anew ---------------------------------------

    def export_key(self) -> str:
        """The key as text, for moving the data file to another computer (keep it safe)."""
        return "aict-key-v1:" + _b64(self.key())

    def import_key(self, text: str) -> None:
        """Install an exported key (must match this data file's key check) in the keyring."""
        from aict_desktop import system_keyring
        from keyring.errors import KeyringError

        text = (text or "").strip()
        check = get_setting(self.store, S_CHECK)
        db_id = self.database_id()
        try:
            if not text.startswith("aict-key-v1:"):
                raise ValueError(text[:12])
            key = _unb64(text.split(":", 1)[1])
        except ValueError:
            raise ValidationError(_("This is not a key exported by this program.")) from None
        if not check or not key_matches(key, check, db_id):
            raise ValidationError(_("This key does not belong to this data file."))
        if not keyring_usable():
            raise KeyUnavailable(_("There is no system keyring on this computer to keep the key in."))
        try:
            system_keyring.set_password(SERVICE, db_id, _b64(key))
        except KeyringError as exc:
            raise KeyUnavailable(_("The system keyring could not be written ({reason}).").format(reason=exc)) from exc
        set_setting(self.store, S_MODE, MODE_KEYRING)
        self._key = key

    def forget(self, session) -> None:
        """Forget the key, in the caller's writing session that also clears the encrypted fields.

        The next use makes a new key (which overwrites this database's keyring entry, so the
        old key stays in the keyring until then: a failed reset loses nothing).
        """
        for k in (S_CHECK, S_MODE, S_KDF):
            row = session.get(Setting, k)
            if row is not None:
                session.delete(row)
        self._key = None
