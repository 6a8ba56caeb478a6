"""The submission package file (上报包): one SQLite file, a manifest and a unit's figures.

The file's SQL is ``store.package_file``'s; this module says what its fields mean and refuses,
with the reason, anything that is not an intact package of ours.

A package is written once and only read afterwards. Reading treats the file as hostile:
it is opened read-only (``mode=ro`` URI, ``query_only``, ``trusted_schema=OFF``), its
schema must be exactly ours (no extra tables, views, triggers or indexes), nothing in it
is executed, and every field is type- and size-checked before a SHA-256 over a canonical
serialisation of manifest and figures is compared with the manifest's ``checksum``.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ...domain.fields import is_code, is_small_int, parse_timestamp
from ...domain.incoming import NotRegularFile, TooLarge, open_regular, read_regular
from ...domain.limits import MAX_AUTHOR, MAX_NAME, MAX_REVISION, MAX_TEXT, MAX_VERSION
from ...domain.limits import MAX_PACKAGE_FIELD as MAX_SHORT  # names, times, codes, manifest fields
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.periods import parse_period
from ...store.package_file import (
    APPLICATION_ID,
    ATTACHMENT_OBJECTS,
    ATTACHMENT_SCHEMA,
    EXPECTED_OBJECTS,
    SCHEMA,
    PackageFileError,
    PackageFileOpenError,
    PackageFileReader,
    PackageRow,
    reading_package_bytes,
    reading_package_file,
    write_package_file,
)
from ..files import temporary_beside

__all__ = ["APPLICATION_ID", "SCHEMA", "PackageRow"]  # the format's constants and row, from the store

FORMAT_VERSION = 2  # 2: signed (key_id and signature in the manifest); 1: unsigned, read but never merged
SIGNED_FORMAT = 2
SUFFIX = ".xzpkg"
MAX_PACKAGE_BYTES = 20 * 1024 * 1024  # a unit's package is kilobytes; anything this large is not one
MAX_ROWS = 100_000
MAX_ATTACHMENTS = 16
MAX_ATTACHMENT_CHARS = 10 * 1024 * 1024
# Optional manifest keys (older readers keep them in Package.extra): a nil report's 说明 (空表上报).
NIL_KEY = "nil_reason"

# a unit's submission; the district's corrections sent back to a unit; the district's receipt (回执) to a unit
KINDS = ("unit", "district", "receipt")
MANIFEST_KEYS = (
    "package_id",
    "format_version",
    "kind",
    "unit",
    "periods",
    "catalog_version",
    "schema_version",
    "program_version",
    "exported_at",
    "author",
    "source_database_id",
    "value_count",
)
SIGNED_KEYS = ("key_id",)  # format 2 adds them; the signature itself is the manifest's ``signature`` row
UNSIGNED = ("checksum", "signature")  # manifest rows the checksum and the signature do not cover
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class Manifest:
    package_id: str
    unit: str
    periods: tuple[str, ...]
    catalog_version: str
    schema_version: int
    program_version: str
    exported_at: str
    author: str
    source_database_id: str
    value_count: int
    format_version: int = FORMAT_VERSION
    kind: str = "unit"
    key_id: str = ""  # the signer's key (format 2)

    def as_fields(self) -> dict[str, str]:
        """The manifest table's rows (all text)."""
        return {
            "package_id": self.package_id,
            "format_version": str(self.format_version),
            "kind": self.kind,
            "unit": self.unit,
            "periods": json.dumps(list(self.periods), ensure_ascii=False),
            "catalog_version": self.catalog_version,
            "schema_version": str(self.schema_version),
            "program_version": self.program_version,
            "exported_at": self.exported_at,
            "author": self.author,
            "source_database_id": self.source_database_id,
            "value_count": str(self.value_count),
            **({"key_id": self.key_id} if self.format_version >= SIGNED_FORMAT else {}),
        }


@dataclass
class Package:
    """A package read and verified from a file."""

    path: Path
    manifest: Manifest
    rows: list[PackageRow]
    checksum: str
    size: int = 0
    extra: dict[str, str] = field(default_factory=dict)  # manifest keys a newer minor writer added
    attachments: dict[str, str] = field(default_factory=dict)  # a receipt's named texts (JSON), checksummed
    fields: dict[str, str] = field(default_factory=dict)  # every manifest row, as read (what was signed)
    file_sha256: str = ""  # SHA-256 of the file's bytes that were read and checked ("" when built, not read)
    _signed: bytes | None = field(default=None, repr=False, compare=False)  # canonical bytes, once computed

    @property
    def signature(self) -> str:
        return self.fields.get("signature", "")

    @property
    def signed_bytes(self) -> bytes:
        """What the signature covers: the canonical manifest and figures (as the checksum), computed once."""
        if self._signed is None:
            self._signed = canonical_bytes(self.fields, self.rows, self.attachments)
        return self._signed

    @property
    def package_id(self) -> str:
        return self.manifest.package_id

    @property
    def unit(self) -> str:
        return self.manifest.unit


def new_package_id() -> str:
    return str(uuid.uuid4())


def canonical_bytes(fields: dict[str, str], rows: list[PackageRow], attachments: dict[str, str] | None = None) -> bytes:
    """The exact bytes the checksum covers: manifest (without checksum), figures sorted, and any attachments."""
    manifest = {k: v for k, v in fields.items() if k not in UNSIGNED}
    values = sorted(
        list(r if r.value is None or type(r.value) is float else r._replace(value=float(r.value))) for r in rows
    )
    body: dict[str, object] = {"manifest": manifest, "values": values}
    if attachments:  # absent from a package: its bytes, and so its checksum, are what they always were
        body["attachments"] = attachments
    # repr of a float round-trips exactly, and json uses it; NaN and infinity are refused before this.
    return json.dumps(
        body,
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        allow_nan=False,
    ).encode("utf-8")


def compute_checksum(fields: dict[str, str], rows: list[PackageRow], attachments: dict[str, str] | None = None) -> str:
    return hashlib.sha256(canonical_bytes(fields, rows, attachments)).hexdigest()


def write_package(
    path: Path,
    manifest: Manifest,
    rows: list[PackageRow],
    extra: dict[str, str] | None = None,
    attachments: dict[str, str] | None = None,
    sign: Callable[[bytes], str] | None = None,
) -> str:
    """Write a package file atomically (temporary file, then rename); returns its checksum.

    ``extra``: optional manifest keys (e.g. :data:`NIL_KEY`), covered by the checksum like the others.
    ``attachments``: a receipt's named texts, in their own table, covered by the checksum too.
    ``sign`` turns the canonical bytes into the signature (see :mod:`..signing`); format 2 needs one.
    """
    path = Path(path)
    fields = {**(extra or {}), **manifest.as_fields()}
    checksum = compute_checksum(fields, rows, attachments)
    signature = sign(canonical_bytes(fields, rows, attachments)) if sign is not None else None
    tmp = temporary_beside(path)
    try:
        write_package_file(tmp, fields, checksum, rows, manifest.format_version, attachments, signature)
        os.replace(tmp, path)
    except OSError as exc:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "无法写入上报包 {path}：{reason}"),
                {"path": str(path), "reason": exc.strerror or exc},
            )
        ) from exc
    except PackageFileError as exc:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "无法写入上报包 {path}：{reason}"),
                {"path": str(path), "reason": exc.reason},
            )
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return checksum


def _refuse(path: Path, template: str, **params) -> XzError:
    return XzError(Message("packages", template, {"file": path.name, **params}))


def _short(value: object, limit: int = MAX_SHORT) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def read_package(path: str | Path) -> Package:
    """Open, verify and read a package file; refuse anything that is not an intact package of ours."""
    path = Path(path)
    data = _checked_bytes(path)
    try:
        with reading_package_bytes(data) as reader:
            return _read_open(reader, path, len(data), hashlib.sha256(data).hexdigest())
    except PackageFileOpenError as exc:
        raise _refuse(
            path, QT_TRANSLATE_NOOP("packages", "无法打开上报包 {file}：{reason}"), reason=exc.reason
        ) from exc
    except PackageFileError as exc:
        raise _refuse(
            path, QT_TRANSLATE_NOOP("packages", "{file} 不完整或已损坏：{reason}"), reason=_short(exc.reason)
        ) from exc


@dataclass(frozen=True)
class ManifestOnly:
    """A package file's manifest and its figures as stored, not checked one by one: enough to recognise a
    package already merged (its figures are compared with those the district holds for it)."""

    path: Path
    manifest: Manifest
    fields: dict[str, str]  # every manifest row, as read (what was signed, with the checksum and signature)
    rows: list[tuple[object, ...]]  # the figures as stored, in key order, of any type
    file_sha256: str = ""  # SHA-256 of the bytes read

    @property
    def checksum(self) -> str:
        return self.fields.get("checksum", "")

    @property
    def signature(self) -> str:
        return self.fields.get("signature", "")


def read_manifest(path: str | Path) -> ManifestOnly | None:
    """The manifest of a unit's package file and its figures as stored, without the checks of
    :func:`read_package` (every field validated, the checksum over them); None when it is not plainly
    one (the full :func:`read_package` then says why). Nothing here is trusted: a caller uses it only to
    recognise figures it holds already, checking the signature over them (a re-merge)."""
    path = Path(path)
    try:
        data = _checked_bytes(path)
        with reading_package_bytes(data) as reader:
            if reader.objects() != EXPECTED_OBJECTS:
                return None
            sql = reader.table_sql()
            if [sql.get("manifest"), sql.get("value")] != SCHEMA:
                return None
            fields: dict[str, str] = {}
            for key, value in reader.manifest(1000):
                if (
                    not isinstance(key, str)
                    or not isinstance(value, str)
                    or len(key) > MAX_SHORT
                    or len(value) > MAX_TEXT
                ):
                    return None
                fields[key] = value
            manifest = _manifest(fields, path)
            if manifest.kind != "unit" or reader.count() != manifest.value_count or reader.quick_check() != ["ok"]:
                return None
            rows = reader.plain_rows()
    except (XzError, PackageFileError):
        return None
    return ManifestOnly(path, manifest, fields, rows, hashlib.sha256(data).hexdigest())


def file_digest(path: str | Path) -> str | None:
    """SHA-256 of a file's bytes, read whole (at most :data:`MAX_PACKAGE_BYTES`); None if it cannot be read
    or is larger. Nothing is parsed: a digest equal to one recorded for a package in force names that file."""
    try:
        with open_regular(path) as fh:  # a pipe named .xzpkg is refused, never waited on
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_PACKAGE_BYTES:
                return None
            data = fh.read(size + 1)  # one byte more: a file still growing is not taken as read
    except OSError:
        return None
    return hashlib.sha256(data).hexdigest() if len(data) == size else None


def _checked_bytes(path: Path) -> bytes:
    """The file's bytes, read once, after the checks its first 100 bytes allow (a SQLite file of ours, whole)."""
    try:
        data = read_regular(path, MAX_PACKAGE_BYTES)  # the type from the open handle: a pipe never blocks
        header, size = data[:100], len(data)  # what follows checks the bytes read (the file may have changed)
    except NotRegularFile:
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 不是文件")) from None
    except TooLarge as exc:
        raise _refuse(
            path, QT_TRANSLATE_NOOP("packages", "{file} 太大（{size} MB），不是上报包"), size=exc.size // 2**20
        ) from None
    except FileNotFoundError:
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "找不到文件 {file}")) from None
    except OSError as exc:
        raise _refuse(
            path, QT_TRANSLATE_NOOP("packages", "无法读取 {file}：{reason}"), reason=exc.strerror or exc
        ) from exc
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 不是上报包（不是 SQLite 文件）"))
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise _refuse(
            path, QT_TRANSLATE_NOOP("packages", "{file} 不是上报包（可能是数据库文件，请用“导出上报包”生成上报包）")
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if page_size < 512 or size % page_size or (pages and size < pages * page_size) or header[18:20] != b"\x01\x01":
        raise _refuse(
            path, QT_TRANSLATE_NOOP("packages", "{file} 不完整或已损坏（可能复制时被截断），请让填报单位重新发送")
        )
    return data


def claimed_unit(path: str | Path) -> str:
    """The unit a package file *says* it comes from, read from its manifest alone: NOT verified (no
    checksum, no signature, the rest of the file unread). Only for naming a file :func:`read_package`
    refused, so the district knows whom to ask; "" when the file has no readable, well-formed claim."""
    path = Path(path)
    try:
        with open_regular(path) as fh:
            if os.fstat(fh.fileno()).st_size > MAX_PACKAGE_BYTES:
                return ""
            header = fh.read(100)
        if not header.startswith(b"SQLite format 3\x00") or int.from_bytes(header[68:72], "big") != APPLICATION_ID:
            return ""
        with reading_package_file(path) as reader:
            for key, value in reader.manifest(1000):
                if key == "unit":
                    return value if isinstance(value, str) and is_code(value) else ""
    except (OSError, PackageFileError):
        return ""
    return ""


def _read_open(reader: PackageFileReader, path: Path, size: int, file_sha256: str = "") -> Package:
    objects = reader.objects()
    has_attachments = objects == EXPECTED_OBJECTS | ATTACHMENT_OBJECTS
    if objects != EXPECTED_OBJECTS and not has_attachments:
        unexpected = sorted(f"{t} {n}" for t, n in objects - EXPECTED_OBJECTS - ATTACHMENT_OBJECTS)
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("packages", "{file} 的结构不是上报包的结构（含有不应有的内容：{extra}），不予合并"),
            extra=_short("、".join(unexpected) or "缺少数据表"),
        )
    sql = reader.table_sql()
    if [sql.get("manifest"), sql.get("value")] != SCHEMA or (
        has_attachments and sql.get("attachment") != ATTACHMENT_SCHEMA
    ):
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 的数据表结构与上报包格式不符，不予合并"))
    check = reader.quick_check()
    if check != ["ok"]:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "{file} 已损坏（文件内部校验失败），请让填报单位重新发送"),
                {"file": path.name},
            ),
            details=[_short(line) for line in check[:5]],
        )
    fields: dict[str, str] = {}
    for key, value in reader.manifest(1000):
        if not isinstance(key, str) or not isinstance(value, str) or len(key) > MAX_SHORT or len(value) > MAX_TEXT:
            raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 的清单（manifest）内容无效"))
        fields[key] = value
    manifest = _manifest(fields, path)
    count = reader.count()
    if count > MAX_ROWS:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("packages", "{file} 含 {count} 条数据，远超一个单位应有的数量，不予合并"),
            count=count,
        )
    bad = reader.first_bad_row()
    if bad is not None:
        _row(bad, path)  # raises with the reason
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 含有无效的数据，不予合并"))
    rows = reader.package_rows()
    attachments = _attachments(reader, path) if has_attachments else {}
    if bool(attachments) != (manifest.kind == "receipt"):
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 的内容与其类型不符，不予处理"))
    checksum = fields.get("checksum", "")
    signed = canonical_bytes(fields, rows, attachments)  # what the checksum and the signature cover
    if hashlib.sha256(signed).hexdigest() != checksum:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP(
                "packages", "{file} 的校验码不符：文件在导出后被修改过或已损坏，不予合并。请让填报单位重新导出"
            ),
        )
    if manifest.value_count != len(rows):
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 的数据条数与清单不符，不予合并"))
    _check_rows(manifest, rows, path, nil=NIL_KEY in fields)
    unknown = {k: v for k, v in fields.items() if k not in (*MANIFEST_KEYS, *SIGNED_KEYS, *UNSIGNED)}
    package = Package(path, manifest, rows, checksum, size, unknown, attachments, fields, file_sha256)
    package._signed = signed
    return package


def _attachments(reader: PackageFileReader, path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, body in reader.attachments(MAX_ATTACHMENTS + 1):
        if (
            not isinstance(name, str)
            or not isinstance(body, str)
            or len(name) > MAX_SHORT
            or len(body) > MAX_ATTACHMENT_CHARS
            or len(out) >= MAX_ATTACHMENTS
        ):
            raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 的附带内容无效，不予处理"))
        out[name] = body
    return out


def _manifest(fields: dict[str, str], path: Path) -> Manifest:
    version = fields.get("format_version", "")
    if not (version.isascii() and version.isdigit()) or len(version) > 6:
        raise _refuse(
            path, QT_TRANSLATE_NOOP("packages", "{file} 的格式无法识别（格式版本缺失或无效），不是本程序的上报包")
        )
    if int(version) > FORMAT_VERSION:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP(
                "packages",
                "{file} 由更新版本的程序导出（上报包格式 {found}，本程序只认识到 {known}），请升级程序后再合并",
            ),
            found=int(version),
            known=FORMAT_VERSION,
        )
    if int(version) not in (1, SIGNED_FORMAT):
        raise _refuse(
            path, QT_TRANSLATE_NOOP("packages", "{file} 的上报包格式 {found} 无法识别"), found=_short(version, 20)
        )
    required = MANIFEST_KEYS + (SIGNED_KEYS if int(version) >= SIGNED_FORMAT else ())
    missing = [k for k in required if k not in fields]
    if missing:
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 的清单缺少：{keys}"), keys="、".join(missing))
    if fields["kind"] not in KINDS:
        raise _refuse(
            path, QT_TRANSLATE_NOOP("packages", "{file} 的上报包类型“{kind}”无法识别"), kind=_short(fields["kind"], 40)
        )
    if not _UUID.match(fields["package_id"]):
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 的上报包编号无效"))
    bad = lambda key: _refuse(
        path,
        QT_TRANSLATE_NOOP("packages", "{file} 的清单字段“{key}”无效（{value}），不予合并"),
        key=key,
        value=_short(fields[key], 40),
    )
    numbers: dict[str, int] = {}
    for key, high in (("schema_version", MAX_VERSION), ("value_count", MAX_ROWS)):
        text = fields[key]
        if not (text.isascii() and text.isdigit()) or len(text) > 9 or int(text) > high:
            raise bad(key)
        numbers[key] = int(text)
    try:
        periods = json.loads(fields["periods"])
    except (ValueError, TypeError, RecursionError):
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 的清单内容无效")) from None
    if not isinstance(periods, list) or not periods or not all(isinstance(p, str) for p in periods):
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 的清单没有列出报告期"))
    if len(periods) > 64 or len(set(periods)) != len(periods):
        raise bad("periods")
    for period in periods:
        try:
            if str(parse_period(period)) != period:
                raise ValueError(period)
        except (XzError, ValueError):
            raise _refuse(
                path,
                QT_TRANSLATE_NOOP("packages", "{file} 的报告期“{period}”不在规划年份之内或无法识别，不予合并"),
                period=_short(period, 40),
            ) from None
    if not is_code(fields["unit"]):
        raise bad("unit")
    if parse_timestamp(fields["exported_at"]) is None:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("packages", "{file} 的导出时间“{value}”不是合理的时间（早于规划或晚于现在），不予合并"),
            value=_short(fields["exported_at"], 40),
        )
    for key, limit in (("catalog_version", MAX_NAME), ("program_version", MAX_NAME), ("author", MAX_AUTHOR)):
        if len(fields[key]) > limit:
            raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 的清单字段“{key}”过长，不予合并"), key=key)
    if len(fields["source_database_id"]) > MAX_NAME:
        raise bad("source_database_id")
    key_id = fields.get("key_id", "")
    if int(version) >= SIGNED_FORMAT and not re.fullmatch(r"[0-9a-f]{16}", key_id):
        raise bad("key_id")
    return Manifest(
        fields["package_id"],
        fields["unit"],
        tuple(periods),
        fields["catalog_version"],
        numbers["schema_version"],
        fields["program_version"],
        fields["exported_at"],
        fields["author"],
        fields["source_database_id"],
        numbers["value_count"],
        int(version),
        fields["kind"],
        key_id,
    )


def _row(raw: tuple, path: Path) -> PackageRow:
    unit, indicator, period, value, explanation, revision, base, changed_at, changed_by = raw
    texts = (unit, indicator, period, explanation, changed_at, changed_by)
    if not all(isinstance(t, str) for t in texts):
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 含有类型不对的数据，不予合并"))
    where = f"{_short(unit, 40)}/{_short(indicator, 40)}/{_short(period, 20)}"
    if any(len(t) > MAX_SHORT for t in (unit, indicator, period, changed_at)) or len(changed_by) > MAX_AUTHOR:
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 中 {where} 的字段过长，不予合并"), where=where)
    if len(explanation) > MAX_TEXT:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("packages", "{file} 中 {where} 的说明超过 {limit} 字，不予合并"),
            where=where,
            limit=MAX_TEXT,
        )
    if value is not None and (
        not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value)
    ):
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("packages", "{file} 中 {where} 的数值“{value}”不是有效数字，不予合并"),
            where=where,
            value=_short(value, 40),
        )
    if not is_small_int(revision, MAX_REVISION, 1) or not is_small_int(base, MAX_REVISION):
        raise _refuse(path, QT_TRANSLATE_NOOP("packages", "{file} 中 {where} 的修订号无效，不予合并"), where=where)
    return PackageRow(
        unit,
        indicator,
        period,
        None if value is None else float(value),
        explanation,
        revision,
        base,
        changed_at,
        changed_by,
    )


def _check_rows(manifest: Manifest, rows: list[PackageRow], path: Path, *, nil: bool = False) -> None:
    periods = set(manifest.periods)
    with_figures = {row.period for row in rows if row.value is not None}
    # A unit's package lists only periods it has figures for; a nil report (空表上报) says so explicitly,
    # and a receipt or corrections file may speak of a period through its decisions alone.
    checked = manifest.kind == "unit" and not nil
    empty = [p for p in manifest.periods if p not in with_figures] if checked else []
    if empty:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP(
                "packages", "{file} 的清单列出了报告期 {periods}，但包中没有这些报告期的任何数值，不予合并"
            ),
            periods=_short("、".join(empty), 80),
        )
    # Each distinct code and time is checked once (a package's figures share a few of each).
    good_codes: set[str] = set()
    good_times: set[str] = set()
    for row in rows:
        if row.indicator not in good_codes:
            if not is_code(row.indicator):
                raise _refuse(
                    path,
                    QT_TRANSLATE_NOOP("packages", "{file} 含有无效的指标代码“{code}”，不予合并"),
                    code=_short(row.indicator, 40),
                )
            good_codes.add(row.indicator)
        if row.changed_at not in good_times and parse_timestamp(row.changed_at) is None:
            raise _refuse(
                path,
                QT_TRANSLATE_NOOP("packages", "{file} 中 {where} 的修改时间“{value}”不是合理的时间，不予合并"),
                where=f"{_short(row.indicator, 40)}/{_short(row.period, 20)}",
                value=_short(row.changed_at, 40),
            )
        good_times.add(row.changed_at)
        if row.unit != manifest.unit:
            raise _refuse(
                path,
                QT_TRANSLATE_NOOP("packages", "{file} 声明属于“{unit}”，却含有“{other}”的数据，不予合并"),
                unit=_short(manifest.unit, 40),
                other=_short(row.unit, 40),
            )
        if row.period not in periods:
            raise _refuse(
                path,
                QT_TRANSLATE_NOOP("packages", "{file} 含有清单之外报告期“{period}”的数据，不予合并"),
                period=_short(row.period, 20),
            )
