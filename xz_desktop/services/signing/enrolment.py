"""Enrolment (登记): the district makes a unit's signing key; the unit's copy is set up from the file.

``enrol`` (district): a fresh Ed25519 key pair for the unit, the district's public key and the
catalog in force go into one enrolment file, signed by the district; the district keeps only the
unit's public key. ``--rekey`` replaces a unit's key (a lost or replaced PC): the old key is
revoked in the same transaction, so packages signed with it are refused from then on.

``init_from_enrolment`` (unit): creates the unit's copy from the file, or, on an existing copy of
the same unit, takes the new key (after a re-key) and keeps every figure.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ...domain.catalog import Catalog
from ...domain.incoming import read_regular
from ...domain.limits import MAX_CODE
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...store import Store, create_store, open_store
from ...store.database import ROLE_UNIT, now_iso
from ...store.keys import DISTRICT, SigningKey
from ..catalog_transfer import catalog_body, catalog_from_body, plans_from_body, put_in_force, write_json_file
from . import crypto
from .seal import SIGNATURE, canonical_json, ensure_district_key, load_json, sign_json

FORMAT = "xz-desktop-enrolment"
FORMAT_VERSION = 1
SUFFIX = ".xzenrol"
MAX_BYTES = 10 * 1024 * 1024


@dataclass
class Enrolled:
    """What ``xz enrol`` did."""

    file: str
    unit: str
    unit_name: str
    key_id: str
    district_key_id: str
    rekeyed: bool
    revoked: list[str]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class EnrolmentFile:
    """An enrolment file read and verified."""

    unit: str
    unit_key: crypto.KeyPair
    district_key_id: str
    district_public_key: str
    catalog: Catalog
    issued_at: str
    catalog_body: dict[str, Any] = field(default_factory=dict)  # its revision and level travel with it


@dataclass
class SetUp:
    """What ``xz init --enrolment`` did."""

    db: str
    unit: str
    unit_name: str
    key_id: str
    district_key_id: str
    created: bool  # a new copy (False: an existing copy took a new key)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def fingerprint(key_id: str) -> str:
    """A key id as people read it on the telephone: upper case, in groups of four (``3F2A-9C01-77B4-E0D5``)."""
    text = key_id.upper()
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def district_fingerprint(store: Store) -> str | None:
    """The district key's fingerprint as this copy knows it: the district's own key, or in a unit's copy the
    key its enrolment file named — the two must read the same on the telephone. None: no key yet."""
    key = store.keys.own() if store.is_district else store.keys.in_force(DISTRICT)
    return fingerprint(key.key_id) if key is not None else None


@dataclass(frozen=True)
class UnitEnrolment:
    """One unit in the district's list of enrolments."""

    unit: str
    name: str
    key_id: str | None  # the unit's key in force (None: not enrolled)
    since: str | None  # when that key was issued (UTC ISO text)


def enrolments(store: Store) -> list[UnitEnrolment]:
    """Every unit in use with its key in force, in the catalog's order (the district's copy)."""
    out = []
    for unit in store.catalog().active_units():
        key = store.keys.in_force(unit.code)
        out.append(UnitEnrolment(unit.code, unit.name, key.key_id if key else None, key.created_at if key else None))
    return out


def _error(template: str, **params: Any) -> XzError:
    return XzError(Message("enrolment", template, params))


def default_file_name(unit: str) -> str:
    return f"登记_{unit}{SUFFIX}"


def enrol(store: Store, unit: str, out: str | Path, *, rekey: bool = False, by: str | None = None) -> Enrolled:
    """Make ``unit``'s key pair and write its enrolment file to ``out`` (a file or a folder)."""
    if not store.is_district:
        raise _error(QT_TRANSLATE_NOOP("enrolment", "登记只能在区级汇总数据库中进行"))
    catalog = store.catalog()
    if not catalog.has_unit(unit) or not catalog.unit(unit).active:
        raise _error(QT_TRANSLATE_NOOP("enrolment", "没有在用的填报单位“{code}”（见 xz units）"), code=unit[:MAX_CODE])
    name = catalog.unit(unit).name
    current = store.keys.in_force(unit)
    if current is not None and not rekey:
        raise _error(
            QT_TRANSLATE_NOOP(
                "enrolment",
                "{name}已经登记（密钥 {key}，{at}）。如该单位的电脑丢失或更换，请用 --rekey 重新发放密钥：旧密钥签名的上报包此后将被拒绝",
            ),
            name=name,
            key=current.key_id,
            at=current.created_at[:10],
        )
    target = Path(out)
    if target.is_dir():
        target = target / default_file_name(unit)
    if not target.parent.is_dir():
        raise _error(QT_TRANSLATE_NOOP("enrolment", "文件夹 {folder} 不存在"), folder=str(target.parent))
    district_key = ensure_district_key(store)
    pair = crypto.generate()
    body: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "unit": unit,
        "unit_name": name,
        "issued_at": now_iso(),
        "unit_key": {"key_id": pair.key_id, "public_key": pair.public_key, "private_key": pair.private_key},
        "district_key": {"key_id": district_key.key_id, "public_key": district_key.public_key},
        "catalog": catalog_body(store),
    }
    signed = sign_json(store, body)
    stamp = now_iso()
    key = SigningKey(pair.key_id, unit, pair.public_key, None, stamp, None, None)
    # The file is written beside its target first; the key is recorded, then the file put in place:
    # a failure on either side leaves neither a key without its file nor a file without its key.
    fd, tmp_name = tempfile.mkstemp(prefix=f".~{target.stem[:40]}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write_json_file(tmp, signed)
        with store.transaction():
            store.keys.put(key, replace_owner=True, at=stamp, by=by or store.author)
            os.replace(tmp, target)
    except OSError as exc:
        raise _error(
            QT_TRANSLATE_NOOP("enrolment", "无法写入登记文件 {path}：{reason}"),
            path=str(target),
            reason=exc.strerror or exc,
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    revoked = [current.key_id] if current is not None else []
    return Enrolled(str(target), unit, name, pair.key_id, district_key.key_id, current is not None, revoked)


def _field(body: dict[str, Any], key: str, file: str) -> dict[str, Any]:
    value = body.get(key)
    if not isinstance(value, dict):
        raise _error(QT_TRANSLATE_NOOP("enrolment", "{file} 的登记内容不完整（缺少 {key}）"), file=file, key=key)
    return value


def read_enrolment(path: str | Path) -> EnrolmentFile:
    """Read an enrolment file and verify it field by field and against the district signature it carries."""
    path = Path(path)
    file = path.name
    not_ours = lambda: _error(
        QT_TRANSLATE_NOOP("enrolment", "{file} 不是登记文件（应为区里用“xz enrol”生成的 {suffix} 文件）"),
        file=file,
        suffix=SUFFIX,
    )
    try:
        body = load_json(read_regular(path, MAX_BYTES).decode("utf-8"))  # a pipe or device: refused, never read
    except FileNotFoundError:
        raise _error(QT_TRANSLATE_NOOP("enrolment", "找不到文件 {file}"), file=file) from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        raise not_ours() from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise not_ours()
    version = body.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= FORMAT_VERSION:
        raise _error(QT_TRANSLATE_NOOP("enrolment", "{file} 由更新版本的程序生成，请升级程序后再导入"), file=file)
    unit_key, district_key = _field(body, "unit_key", file), _field(body, "district_key", file)
    unit = body.get("unit")
    texts = [unit, body.get("issued_at"), body.get("key_id"), body.get(SIGNATURE), body.get("signed_by")]
    texts += [unit_key.get(k) for k in ("key_id", "public_key", "private_key")]
    texts += [district_key.get(k) for k in ("key_id", "public_key")]
    if not all(isinstance(t, str) and 0 < len(t) <= 200 for t in texts):
        raise _error(QT_TRANSLATE_NOOP("enrolment", "{file} 的登记内容不完整或无效"), file=file)
    assert isinstance(unit, str)
    if not (crypto.is_key_text(unit_key["public_key"]) and crypto.is_key_text(unit_key["private_key"])) or (
        not crypto.is_key_text(district_key["public_key"])
    ):
        raise _error(QT_TRANSLATE_NOOP("enrolment", "{file} 中的密钥无效"), file=file)
    if (
        crypto.public_of(unit_key["private_key"]) != unit_key["public_key"]
        or crypto.key_id(unit_key["public_key"]) != unit_key["key_id"]
        or crypto.key_id(district_key["public_key"]) != district_key["key_id"]
        or body["signed_by"] != DISTRICT
        or body["key_id"] != district_key["key_id"]
        or not crypto.verify(district_key["public_key"], canonical_json(body), body[SIGNATURE])
    ):
        raise _error(
            QT_TRANSLATE_NOOP(
                "enrolment", "{file} 的签名或密钥不符：文件在区里生成后被改动过或已损坏，请让区里重新登记"
            ),
            file=file,
        )
    catalog = catalog_from_body(body.get("catalog"), file)
    plans_from_body(body["catalog"], file)  # every plan it carries, checked before any database is made
    if not catalog.has_unit(unit):
        raise _error(
            QT_TRANSLATE_NOOP("enrolment", "{file} 的目录中没有它所登记的单位“{unit}”"), file=file, unit=unit[:MAX_CODE]
        )
    return EnrolmentFile(
        unit,
        crypto.KeyPair(unit_key["key_id"], unit_key["public_key"], unit_key["private_key"]),
        district_key["key_id"],
        district_key["public_key"],
        catalog,
        body["issued_at"],
        body["catalog"],
    )


def install(store: Store, enrolment: EnrolmentFile) -> None:
    """Put the enrolment's keys (and catalog, if newer) in force in ``store``, a copy of the same unit.

    An aggregating database takes the enrolment the level above issued for it (its own code there, from
    level.csv): the key it signs its upward package with; its own catalog and district key stay as they are.
    """
    level = store.level() if store.is_district else None
    if level is not None and level.above_code and level.code == enrolment.unit:
        _install_upward(store, enrolment, level.above_code)
        return
    if store.is_district or store.unit_code != enrolment.unit:
        raise _error(
            QT_TRANSLATE_NOOP("enrolment", "这份登记文件是发给“{unit}”的，不能用于“{own}”的数据库"),
            unit=enrolment.catalog.unit(enrolment.unit).name,
            own=store.describe(),
        )
    district = store.keys.in_force(DISTRICT)
    if district is not None and district.key_id != enrolment.district_key_id:
        raise _error(
            QT_TRANSLATE_NOOP(
                "enrolment",
                "这份登记文件由另一个区级数据库签发（区里密钥 {found}，本库登记的是 {known}），未导入。请与区委人才办核对",
            ),
            found=enrolment.district_key_id,
            known=district.key_id,
        )
    stamp = now_iso()
    own = SigningKey(
        enrolment.unit_key.key_id,
        enrolment.unit,
        enrolment.unit_key.public_key,
        enrolment.unit_key.private_key,
        enrolment.issued_at,
        None,
        None,
    )
    with store.transaction():
        store.keys.put(own, replace_owner=True, at=stamp, by=store.author)
        if district is None:
            store.keys.put(
                SigningKey(enrolment.district_key_id, DISTRICT, enrolment.district_public_key, None, stamp, None, None)
            )
        put_in_force(store, enrolment.catalog, enrolment.catalog_body, "enrolment", refuse_older=False)


def _install_upward(store: Store, enrolment: EnrolmentFile, above: str) -> None:
    """The key of this aggregating database as a unit of the level above, and that level's public key."""
    known = store.keys.in_force(above)
    if known is not None and known.key_id != enrolment.district_key_id:
        raise _error(
            QT_TRANSLATE_NOOP(
                "enrolment",
                "这份登记文件由另一个区级数据库签发（区里密钥 {found}，本库登记的是 {known}），未导入。请与区委人才办核对",
            ),
            found=enrolment.district_key_id,
            known=known.key_id,
        )
    stamp = now_iso()
    unit_key = enrolment.unit_key
    with store.transaction():
        store.keys.put(
            SigningKey(
                unit_key.key_id,
                enrolment.unit,
                unit_key.public_key,
                unit_key.private_key,
                enrolment.issued_at,
                None,
                None,
            ),
            replace_owner=True,
            at=stamp,
            by=store.author,
        )
        if known is None:
            store.keys.put(
                SigningKey(enrolment.district_key_id, above, enrolment.district_public_key, None, stamp, None, None)
            )


def init_from_enrolment(db: str | Path, enrolment_path: str | Path, author: str | None = None) -> SetUp:
    """Create a unit's copy from an enrolment file, or give an existing copy of that unit its new key."""
    enrolment = read_enrolment(enrolment_path)
    path = Path(db)
    created = not (path.exists() and path.stat().st_size > 0)
    if created:
        store = create_store(path, ROLE_UNIT, enrolment.unit, enrolment.catalog, author=author)
    else:
        store = open_store(path)
        if author:
            store.set_meta("author", author)
    with store:
        try:
            install(store, enrolment)
        except BaseException:
            if created:
                store.close()
                for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                    leftover.unlink(missing_ok=True)
            raise
        name = store.describe()
    return SetUp(str(path), enrolment.unit, name, enrolment.unit_key.key_id, enrolment.district_key_id, created)
