"""The access log's seal: an HMAC-SHA256 over the end of the hash chain, keyed from the OS keyring.

The hash chain alone can be recomputed by anyone who has the file and reads the source. The
seal cannot: it is an HMAC over (database id, the archive base, the last sealed entry's id and
hash) with a random 256-bit key kept in the OS keyring (one entry per database id, next to the
personal-data key), never in the file. Each append written where the key is available moves the
seal to the new entry; the seal covers the whole chain before it, because each entry's hash
covers the previous one.

The file keeps only ``audit.mac`` in the Setting table: ``{"v": 1, "check": …}``, a check value
(an HMAC of a constant) so a wrong key is recognised, and so that a sealed file says it is
sealed. Entries written where no key is available (a headless PC, a second PC in server mode
without the key) are still written, hash-chained but not sealed; ``aict check`` names how many
entries after the last seal are unsealed. See SECURITY.md for what is then detected and what not.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import time

from sqlalchemy import event

SERVICE = "AICT Secretariat access log key"
S_MAC = "audit.mac"
_CHECK = b"aict-audit-key-check-v1"
_PENDING = "aict_audit_key"  # session.info: a key made in this transaction, kept in the keyring at commit

# database id -> (the keyring backend asked, usable, key or None, when asked): few keyring reads
_cache: dict[str, tuple[object, bool, bytes | None, float]] = {}
REFRESH_SECONDS = 60.0  # a missing key is looked for again at most this often


def _backend():
    from aict_desktop.system_keyring import backend

    return backend()


def keyring_key(db_id: str, *, refresh: bool = False) -> tuple[bool, bytes | None]:
    """(a keyring is usable here, this database's access log key or None)."""
    from aict_desktop import system_keyring

    from aict_desktop.system_keyring import usable as keyring_usable

    ring = _backend()
    hit = _cache.get(db_id)
    stale = refresh and hit is not None and hit[1] and hit[2] is None and \
        time.monotonic() - hit[3] >= REFRESH_SECONDS
    if hit is not None and hit[0] is ring and not stale:
        return hit[1], hit[2]
    usable, key = keyring_usable(), None
    if usable:
        try:
            stored = system_keyring.get_password(SERVICE, db_id)
            key = base64.b64decode(stored.encode("ascii"), validate=True) if stored else None
        except Exception:  # a backend that fails now, or a damaged entry: no key here
            key = None
    _cache[db_id] = (ring, usable, key, time.monotonic())
    return usable, key


def check_value(key: bytes, db_id: str) -> str:
    return hmac.new(key, _CHECK + b"\x1f" + db_id.encode("utf-8"), hashlib.sha256).hexdigest()


def seal_mac(key: bytes, db_id: str, base: dict, last_id: int, last_hash: str) -> str:
    fields = ["aict-audit-seal-v1", db_id, str(int(base.get("through_id", 0))), str(base.get("hash", "")),
              str(int(last_id)), last_hash]
    return hmac.new(key, "\x1f".join(fields).encode("utf-8"), hashlib.sha256).hexdigest()


def make_seal(key: bytes, db_id: str, base: dict, last_id: int, last_hash: str) -> dict:
    return {"id": int(last_id), "hash": last_hash, "mac": seal_mac(key, db_id, base, last_id, last_hash)}


def seal_valid(key: bytes, db_id: str, base: dict, seal: dict) -> bool:
    try:
        expected = seal_mac(key, db_id, base, int(seal["id"]), str(seal["hash"]))
        return hmac.compare_digest(expected, str(seal["mac"]))
    except (KeyError, TypeError, ValueError):
        return False


def _setting(session, key: str):
    from aict_desktop.domain.models import Setting

    return session.get(Setting, key)


def mac_info(session) -> dict | None:
    """The file's ``audit.mac`` (None when the file was never sealed; {"damaged": True} if unreadable)."""
    row = _setting(session, S_MAC)
    if row is None:
        return None
    try:
        data = json.loads(row.value)
    except ValueError:
        return {"damaged": True}
    return data if isinstance(data, dict) and "check" in data else {"damaged": True}


def database_id(session) -> str:
    row = _setting(session, "database_id")
    return row.value if row is not None else ""


def file_key(session, db_id: str) -> bytes | None:
    """The key that seals this file, when this computer has it (never makes one)."""
    pending = session.info.get(_PENDING)
    if pending is not None and pending[0] == db_id:
        return pending[1]
    info = mac_info(session)
    if not info or info.get("damaged"):
        return None
    # the file is sealed: ask the keyring again (now and then) if this process had found no key —
    # another process on this computer may have made it since
    _usable, key = keyring_key(db_id, refresh=True)
    if key is not None and hmac.compare_digest(check_value(key, db_id), str(info.get("check", ""))):
        return key
    return None


def sealing_key(session, *, adopt: bool = False) -> tuple[str, bytes | None]:
    """(database id, the key to seal the next entry with, or None: written unsealed).

    A file never sealed gets a new key, when a keyring works here: the key goes into the keyring
    only when this transaction commits (a rolled-back first entry leaves no orphan key). A keyring
    that already holds a key for this database while the file has no ``audit.mac`` means the seal
    was removed (or an older copy put in place): the entry is written unsealed, and ``aict check``
    reports it — unless ``adopt`` (a restore the program itself just did and logs).
    """
    from aict_desktop.domain.models import Setting

    db_id = database_id(session)
    if not db_id:
        return db_id, None
    key = file_key(session, db_id)
    if key is not None or mac_info(session) is not None:
        return db_id, key
    usable, existing = keyring_key(db_id)
    if existing is not None and not adopt:
        return db_id, None
    if not usable:
        return db_id, None
    key = existing or os.urandom(32)
    session.add(Setting(key=S_MAC, value=json.dumps({"v": 1, "check": check_value(key, db_id)})))
    session.flush()
    session.info[_PENDING] = (db_id, key)
    if existing is None:
        event.listen(session, "after_commit", lambda s: _keep(db_id, key), once=True)
    event.listen(session, "after_commit", lambda s: s.info.pop(_PENDING, None), once=True)
    event.listen(session, "after_rollback", lambda s: s.info.pop(_PENDING, None), once=True)
    return db_id, key


def _keep(db_id: str, key: bytes) -> None:
    from aict_desktop import system_keyring

    try:
        system_keyring.set_password(SERVICE, db_id, base64.b64encode(key).decode("ascii"))
        _cache[db_id] = (_backend(), True, key, time.monotonic())
    except Exception:  # the entry is sealed; later runs here will say the key is not on this computer
        _cache.pop(db_id, None)


def forget_cache() -> None:
    _cache.clear()
