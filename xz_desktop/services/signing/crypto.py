"""The signing primitive: Ed25519 through ``cryptography``, with keys as short base64 text.

Keys travel inside JSON files and SQLite rows, so they are kept as base64 of the raw 32 bytes;
a key is named by its id, the first 16 hex digits of SHA-256 over the raw public key (what the
district's IT person compares by eye).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

# ``cryptography`` is imported by the functions that sign or verify: the window and most commands start
# without it (it is ≈0.1 s of imports), and loading a module is done once either way.

KEY_ID_LENGTH = 16


@dataclass(frozen=True)
class KeyPair:
    """A key pair as text: what an enrolment file carries and a copy stores."""

    key_id: str
    public_key: str
    private_key: str


def key_id(public_key: str) -> str:
    """The id of a base64 public key (first 16 hex digits of its SHA-256)."""
    return hashlib.sha256(_decode(public_key, 32)).hexdigest()[:KEY_ID_LENGTH]


def generate() -> KeyPair:
    """A fresh Ed25519 key pair."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    raw_public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    public = base64.b64encode(raw_public).decode("ascii")
    return KeyPair(key_id(public), public, base64.b64encode(raw_private).decode("ascii"))


def public_of(private_key: str) -> str:
    """The base64 public key of a base64 private key."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    private = Ed25519PrivateKey.from_private_bytes(_decode(private_key, 32))
    return base64.b64encode(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode("ascii")


def sign(private_key: str, data: bytes) -> str:
    """The base64 Ed25519 signature of ``data``."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.from_private_bytes(_decode(private_key, 32))
    return base64.b64encode(private.sign(data)).decode("ascii")


def verify(public_key: str, data: bytes, signature: str) -> bool:
    """Whether ``signature`` (base64) is the signature of ``data`` by ``public_key``; never raises."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        public = Ed25519PublicKey.from_public_bytes(_decode(public_key, 32))
        public.verify(_decode(signature, 64), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def is_key_text(text: object, size: int = 32) -> bool:
    """Whether ``text`` is base64 of exactly ``size`` bytes."""
    try:
        _decode(text, size)
    except ValueError:
        return False
    return True


def _decode(text: object, size: int) -> bytes:
    if not isinstance(text, str) or len(text) > 4 * size:
        raise ValueError("not key text")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError("not base64") from None
    if len(raw) != size:
        raise ValueError("wrong length")
    return raw
