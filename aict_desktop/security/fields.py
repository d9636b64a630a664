"""AES-GCM encryption of Person.rrn_enc and Person.bank_enc, and their masks.

A stored value is ``v1:`` + base64(12-byte nonce + ciphertext + tag). The
associated data binds it to its record and column (``person:<id>:rrn``), so
a value copied onto another person or into the other column does not
decrypt. Masks show no more than the law allows on screen:
``800101-1******`` and a bank account with only its last four digits.
"""

from __future__ import annotations

import base64
import json
import os
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from aict_desktop.domain.ciphertext import PREFIX
from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _

RRN = "rrn"
BANK = "bank"


class UndecryptableError(DomainError):
    """A stored value does not decrypt with the key (wrong key or altered value)."""


@dataclass(frozen=True)
class BankAccount:
    bank: str
    account: str
    holder: str

    def to_json(self) -> str:
        return json.dumps({"bank": self.bank, "account": self.account, "holder": self.holder}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "BankAccount":
        data = json.loads(text)
        return cls(bank=str(data.get("bank", "")), account=str(data.get("account", "")),
                   holder=str(data.get("holder", "")))

    def masked(self) -> str:
        parts = [self.bank, mask_account(self.account)]
        if self.holder:
            parts.append(_("(holder {name})").format(name=self.holder))
        return " ".join(p for p in parts if p)


def _aad(record_id: int, column: str) -> bytes:
    if record_id is None:
        raise ValueError("a record needs its id before a field can be encrypted")
    return f"person:{int(record_id)}:{column}".encode("ascii")


def encrypt(key: bytes, plaintext: str, record_id: int, column: str) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, plaintext.encode("utf-8"), _aad(record_id, column))
    return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def decrypt(key: bytes, token: str, record_id: int, column: str) -> str:
    try:
        if not token.startswith(PREFIX):
            raise ValueError("no prefix")
        raw = base64.b64decode(token[len(PREFIX):].encode("ascii"), validate=True)
        if len(raw) < 12 + 16:
            raise ValueError("too short")
        return AESGCM(key).decrypt(raw[:12], raw[12:], _aad(record_id, column)).decode("utf-8")
    except (InvalidTag, ValueError, UnicodeDecodeError) as exc:
        raise UndecryptableError(
            _("The stored {what} of this person cannot be decrypted with this data file's key "
              "(the key is different or the value was altered).").format(what=column_label(column))
        ) from exc


def column_label(column: str) -> str:
    return _("resident registration number") if column == RRN else _("bank account")


# --- masks -----------------------------------------------------------------


def format_rrn(digits: str) -> str:
    return f"{digits[:6]}-{digits[6:]}"


def mask_rrn(digits: str) -> str:
    """``8001011234567`` → ``800101-1******``."""
    d = re.sub(r"\D", "", digits)
    if len(d) != 13:
        return "******-*******"
    return f"{d[:6]}-{d[6]}******"


def mask_account(account: str) -> str:
    """Every digit but the last four becomes ``*``; separators stay."""
    total = sum(ch.isdigit() for ch in account)
    keep_from = total - 4
    out, seen = [], 0
    for ch in account:
        if ch.isdigit():
            out.append(ch if seen >= keep_from else "*")
            seen += 1
        elif ch.isalnum():
            out.append("*")
        else:
            out.append(ch)
    return "".join(out)
