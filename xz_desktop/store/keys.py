"""``store.keys``: the signing keys a copy holds (its own key pair and the public keys it trusts)."""

from __future__ import annotations

from dataclasses import dataclass

from .core import StoreCore

DISTRICT = "district"  # the owner name of the district's key


@dataclass(frozen=True)
class SigningKey:
    """One key row: ``private_key`` is set only for this copy's own key."""

    key_id: str
    owner: str
    public_key: str
    private_key: str | None
    created_at: str
    revoked_at: str | None
    revoked_by: str | None

    @property
    def in_force(self) -> bool:
        return self.revoked_at is None


_COLUMNS = "key_id, owner, public_key, private_key, created_at, revoked_at, revoked_by"


class KeyTable:
    """The ``signing_key`` table."""

    def __init__(self, store: StoreCore) -> None:
        self._store = store

    def _rows(self, where: str, params: tuple[str, ...]) -> list[SigningKey]:
        cur = self._store.conn.execute(f"SELECT {_COLUMNS} FROM signing_key WHERE {where} ORDER BY created_at", params)
        return [SigningKey(*row) for row in cur.fetchall()]

    def get(self, key_id: str) -> SigningKey | None:
        """The key with this id, whoever owns it."""
        rows = self._rows("key_id = ?", (key_id,))
        return rows[0] if rows else None

    def in_force(self, owner: str) -> SigningKey | None:
        """The key ``owner`` signs with now (``None``: not enrolled)."""
        rows = self._rows("owner = ? AND revoked_at IS NULL", (owner,))
        return rows[0] if rows else None

    def of(self, owner: str) -> list[SigningKey]:
        """Every key ``owner`` has had, oldest first."""
        return self._rows("owner = ?", (owner,))

    def all(self) -> list[SigningKey]:
        return self._rows("1", ())

    def own(self) -> SigningKey | None:
        """This copy's own key pair in force (the unit's, or the district's).

        An aggregating database may also hold the key it signs its upward package with, as a unit of the
        level above (:meth:`in_force` of its level code); that one is not its own key as a district.
        """
        if self._store.is_district:
            rows = self._rows("private_key IS NOT NULL AND revoked_at IS NULL AND owner = ?", (DISTRICT,))
        else:
            rows = self._rows("private_key IS NOT NULL AND revoked_at IS NULL", ())
        return rows[0] if rows else None

    def put(self, key: SigningKey, *, replace_owner: bool = False, at: str = "", by: str = "") -> None:
        """Add ``key``; with ``replace_owner`` the owner's key in force is revoked first, in the same transaction."""
        conn = self._store.conn
        with self._store.transaction():
            if replace_owner:
                conn.execute(
                    "UPDATE signing_key SET revoked_at = ?, revoked_by = ? WHERE owner = ? AND revoked_at IS NULL "
                    "AND key_id != ?",
                    (at or key.created_at, by, key.owner, key.key_id),
                )
            conn.execute(
                f"INSERT INTO signing_key ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key_id) DO UPDATE SET "
                "private_key = COALESCE(excluded.private_key, private_key), revoked_at = excluded.revoked_at, "
                "revoked_by = excluded.revoked_by",
                (
                    key.key_id,
                    key.owner,
                    key.public_key,
                    key.private_key,
                    key.created_at,
                    key.revoked_at,
                    key.revoked_by,
                ),
            )
