"""The stored form of an encrypted value (``v1:`` + base64 of nonce, ciphertext and tag).

Known here, below the store and the security helpers, so that ``aict check`` (store) can find clear
text in an encrypted column without importing the encryption (security), which itself uses the store.
"""

from __future__ import annotations

import base64

PREFIX = "v1:"
NONCE_AND_TAG = 12 + 16  # AES-GCM


def looks_encrypted(token: str | None) -> bool:
    """True for a well-formed ``v1:`` value, or none at all (used by ``aict check`` to find clear text)."""
    if not token:
        return True
    if not token.startswith(PREFIX):
        return False
    try:
        raw = base64.b64decode(token[len(PREFIX):].encode("ascii"), validate=True)
    except ValueError:
        return False
    return len(raw) >= NONCE_AND_TAG
