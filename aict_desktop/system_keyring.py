"""The one door to the system keyring: every backend's own errors become ``KeyringError``.

The Windows backend raises ``pywintypes.error`` (a locked Credential Manager, a roaming profile
not loaded), secretstorage raises D-Bus errors, macOS raises its own: none is a ``KeyringError``,
so callers that fall back to the passphrase on a ``KeyringError`` crashed instead. Every call to
the keyring goes through here.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError


class KeyringFailed(KeyringError):
    """The keyring backend failed with an error of its own (the original is the ``__cause__``)."""


def _call(fn, *args):
    try:
        return fn(*args)
    except KeyringError:
        raise
    except Exception as exc:  # the backend's own error type
        raise KeyringFailed(f"{type(exc).__name__}: {exc}") from exc


def get_password(service: str, account: str) -> str | None:
    return _call(keyring.get_password, service, account)


def set_password(service: str, account: str, password: str) -> None:
    _call(keyring.set_password, service, account, password)


def delete_password(service: str, account: str) -> None:
    _call(keyring.delete_password, service, account)
