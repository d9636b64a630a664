"""The one door to the system keyring: every backend's own errors become ``KeyringError``.

The Windows backend raises ``pywintypes.error`` (a locked Credential Manager, a roaming profile
not loaded), secretstorage raises D-Bus errors, macOS raises its own: none is a ``KeyringError``,
so callers that fall back to the passphrase on a ``KeyringError`` crashed instead. Every call to
the keyring goes through here.
"""

from __future__ import annotations

import sys

from keyring.errors import KeyringError

PROBE_SERVICE = "AICT Secretariat"
MACOS_API = "keyring.backends.macOS.api"


def _keyring():
    """The ``keyring`` package, with the macOS backend's ctypes layer left out on every other system.

    keyring imports every backend it ships to choose one; importing the macOS one runs three
    ``ctypes.util.find_library`` searches (``ldconfig``, then the C compiler: 0.18 s on Linux, a
    fifth of a certificate command). Its backend can only work on macOS, where it is kept; elsewhere
    a ``None`` in ``sys.modules`` makes its import fail, which keyring already treats as "not
    available here".
    """
    if sys.platform != "darwin":
        sys.modules.setdefault(MACOS_API, None)  # type: ignore[arg-type]
    import keyring  # here, not at the top: a run that never touches a secret skips its ~60 ms import

    return keyring


def backend():
    """The keyring backend in use (chosen on first use, or the one set with ``keyring.set_keyring``)."""
    return _keyring().get_keyring()


class KeyringFailed(KeyringError):
    """The keyring backend failed with an error of its own (the original is the ``__cause__``)."""


def usable() -> bool:
    """True when a backend that really keeps secrets is installed and answers (not the fail/null
    backends, not a keyrings.alt file kept in clear)."""
    ring = backend()
    name, module = type(ring).__name__, type(ring).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    if "Plaintext" in name or "Uncrypted" in name:
        return False
    if getattr(ring, "priority", 1) <= 0 and module.startswith("keyring.backends.chainer"):
        return False
    try:
        ring.get_password(PROBE_SERVICE, "probe")
    except Exception:  # KeyringError, or a backend that cannot reach its daemon (D-Bus, secretstorage)
        return False
    return True


def _call(name: str, *args):
    try:
        return getattr(_keyring(), name)(*args)
    except KeyringError:
        raise
    except Exception as exc:  # the backend's own error type
        raise KeyringFailed(f"{type(exc).__name__}: {exc}") from exc


def get_password(service: str, account: str) -> str | None:
    return _call("get_password", service, account)


def set_password(service: str, account: str, password: str) -> None:
    _call("set_password", service, account, password)


def delete_password(service: str, account: str) -> None:
    _call("delete_password", service, account)
