"""Signing a file as this copy, and verifying that a file comes from whom it claims.

Any file kind with a manifest uses the same two steps: the writer puts ``signed_by`` (a unit
code or ``district``) and ``key_id`` into the manifest, serialises the manifest and content
canonically, and stores :func:`seal`'s signature beside them; the reader serialises the same
way and calls :func:`check_seal` with the signer the file claims. The signature covers the
claim itself, so a file cannot be re-labelled as another unit's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...store import Store
from ...store.database import now_iso
from ...store.keys import DISTRICT, SigningKey
from . import crypto

SIGNATURE = "signature"  # the field that holds the signature; never part of what is signed
UNSIGNED_FIELDS = (SIGNATURE, "checksum")


@dataclass(frozen=True)
class Seal:
    """Who signed, with which key, and the signature (base64)."""

    signed_by: str
    key_id: str
    signature: str


def signer_name(store: Store, owner: str) -> str:
    """“新城街道（xincheng）” or “区里”: how a message names a signer."""
    if owner == DISTRICT:
        return "区里"
    catalog = store.catalog()
    name = catalog.unit(owner).name if catalog.has_unit(owner) else ""
    return f"{name}（{owner[:40]}）" if name else f"“{owner[:40]}”"


def ensure_district_key(store: Store) -> SigningKey:
    """The district's own key pair, made the first time the district signs anything."""
    key = store.keys.own()
    if key is None:
        pair = crypto.generate()
        key = SigningKey(pair.key_id, DISTRICT, pair.public_key, pair.private_key, now_iso(), None, None)
        store.keys.put(key)
    return key


def own_key_id(store: Store) -> str:
    """The id of this copy's key in force; :class:`XzError` when the copy has none (not enrolled)."""
    key = store.keys.own()
    if key is None:
        if store.is_district:
            raise XzError(
                Message(
                    "signing", QT_TRANSLATE_NOOP("signing", "区级汇总数据库还没有签名密钥（登记第一个单位时自动生成）")
                )
            )
        raise XzError(
            Message(
                "signing",
                QT_TRANSLATE_NOOP(
                    "signing",
                    "本单位的数据库还没有登记（没有签名密钥），导出的文件区里无法验证。"
                    "请向区里索取登记文件，用“xz init 数据库 --enrolment 登记文件”（或首次运行的对话框）导入",
                ),
            )
        )
    return key.key_id


def seal(store: Store, payload: bytes) -> Seal:
    """Sign ``payload`` with this copy's key in force (the key id must already be inside ``payload``)."""
    key = store.keys.own()
    own_key_id(store)  # raises the message when there is none
    assert key is not None and key.private_key is not None
    owner = DISTRICT if store.is_district else (store.unit_code or "")
    return Seal(owner, key.key_id, crypto.sign(key.private_key, payload))


def seal_upward(store: Store, payload: bytes) -> Seal:
    """Sign ``payload`` as this aggregating database's unit at the level above (its upward package)."""
    code = upward_key(store).owner
    key = store.keys.in_force(code)
    assert key is not None and key.private_key is not None
    return Seal(code, key.key_id, crypto.sign(key.private_key, payload))


def upward_key(store: Store) -> SigningKey:
    """The key this aggregating database was enrolled with as a unit of the level above; refuses when none."""
    level = store.level()
    key = store.keys.in_force(level.code) if level is not None else None
    if key is None or key.private_key is None:
        raise XzError(
            Message(
                "signing",
                QT_TRANSLATE_NOOP(
                    "signing",
                    "本数据库还没有在上一级（{above}）登记为填报单位，导出的上报包上一级无法验证。"
                    "请向上一级索取登记文件，用“xz init 本数据库 --enrolment 登记文件”导入",
                ),
                {"above": (level.above_name or level.above_code) if level is not None else ""},
            )
        )
    return key


def _refuse(store: Store, file: str, claimed: str, reason: Message) -> XzError:
    return XzError(
        Message(
            "signing",
            QT_TRANSLATE_NOOP("signing", "{file} 自称来自{who}，但{reason}，不予接受"),
            {"file": file, "who": signer_name(store, claimed), "reason": reason},
        )
    )


def check_seal(store: Store, claimed: str, key_id: str, signature: str, payload: bytes, *, file: str) -> None:
    """Refuse unless ``signature`` over ``payload`` is by the key in force this copy holds for ``claimed``."""
    why = lambda template, **kw: _refuse(store, file, claimed, Message("signing", template, kw))
    if not key_id or not signature:
        raise why(QT_TRANSLATE_NOOP("signing", "文件没有签名（旧版本程序导出，或签名被去掉）"))
    current = store.keys.in_force(claimed)
    if current is None:
        if claimed == DISTRICT:
            raise why(QT_TRANSLATE_NOOP("signing", "本数据库没有区里的公钥（不是用区里的登记文件建立的），无法验证"))
        raise why(
            QT_TRANSLATE_NOOP(
                "signing",
                "该单位在本区还没有登记（没有发放签名密钥）。请先用“xz enrol”为该单位登记，"
                "把登记文件交给该单位导入后重新导出",
            )
        )
    used = store.keys.get(key_id) if len(key_id) <= 64 else None
    if used is not None and used.owner != claimed:
        raise why(QT_TRANSLATE_NOOP("signing", "签名所用的密钥属于{other}"), other=signer_name(store, used.owner))
    if used is not None and used.revoked_at is not None:
        raise why(
            QT_TRANSLATE_NOOP(
                "signing", "签名所用的密钥已于 {at} 作废（区里为该单位重新发放了密钥），请用新密钥重新导出"
            ),
            at=used.revoked_at[:19].replace("T", " "),
        )
    if key_id != current.key_id:
        raise why(QT_TRANSLATE_NOOP("signing", "签名所用的密钥（{key}）不是本区为其登记的密钥"), key=key_id[:20])
    if not crypto.verify(current.public_key, payload, signature):
        raise why(QT_TRANSLATE_NOOP("signing", "签名与内容不符：文件在签名后被改动过或已损坏"))


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def load_json(text: str) -> Any:
    """JSON as the standard says: NaN and Infinity, which Python's reader accepts, are refused (ValueError)."""
    return json.loads(text, parse_constant=_no_constant)


def canonical_json(body: dict[str, Any]) -> bytes:
    """The bytes a JSON file's signature covers: every field but the signature and checksum, sorted."""
    content = {k: v for k, v in body.items() if k not in UNSIGNED_FIELDS}
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode(
        "utf-8"
    )


def sign_json(store: Store, body: dict[str, Any]) -> dict[str, Any]:
    """``body`` with ``signed_by``, ``key_id`` and ``signature`` added, signed as this copy."""
    owner = DISTRICT if store.is_district else (store.unit_code or "")
    signed = {**body, "signed_by": owner, "key_id": own_key_id(store)}
    signed[SIGNATURE] = seal(store, canonical_json(signed)).signature
    return signed


def verify_json(store: Store, body: dict[str, Any], *, file: str, expected: str | None = None) -> str:
    """Refuse ``body`` unless it is signed by whom it claims (and, if given, by ``expected``); returns the signer."""
    claimed = body.get("signed_by")
    claimed = claimed if isinstance(claimed, str) and claimed else (expected or "")
    if expected is not None and claimed != expected:
        raise _refuse(
            store,
            file,
            claimed,
            Message(
                "signing",
                QT_TRANSLATE_NOOP("signing", "这种文件只能由{who}签发"),
                {"who": signer_name(store, expected)},
            ),
        )
    key_id, signature = body.get("key_id"), body.get(SIGNATURE)
    check_seal(
        store,
        claimed,
        key_id if isinstance(key_id, str) else "",
        signature if isinstance(signature, str) else "",
        canonical_json(body),
        file=file,
    )
    return claimed
