"""The keys a copy holds, as rows for ``xz keys`` and the window."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ...store import Store
from .seal import signer_name


@dataclass(frozen=True)
class KeyRow:
    key_id: str
    owner: str
    owner_name: str
    own: bool
    created_at: str
    revoked_at: str | None
    state: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def key_rows(store: Store) -> list[KeyRow]:
    """Every key this copy holds, oldest first; private keys never leave the store."""
    return [
        KeyRow(
            k.key_id,
            k.owner,
            signer_name(store, k.owner),
            k.private_key is not None,
            k.created_at,
            k.revoked_at,
            "在用" if k.revoked_at is None else f"已作废（{k.revoked_at[:10]}）",
        )
        for k in store.keys.all()
    ]
