"""Whether a package (or a corrections file) comes from whom it claims: its signature against the keys held."""

from __future__ import annotations

from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...store import Store
from ...store.keys import DISTRICT
from ..signing.seal import check_seal, signer_name
from .package_file import SIGNED_FORMAT, Package


def claimed_signer(package: Package) -> str:
    """A unit's submission claims its unit; a corrections file or a receipt claims the district."""
    return DISTRICT if package.manifest.kind in ("district", "receipt") else package.manifest.unit


def verify_package(store: Store, package: Package) -> None:
    """Refuse ``package`` unless signed by the key in force this copy holds for the signer it claims.

    A format-1 package (made before packages were signed) is read, but refused here as unsigned:
    nothing shows who made it, so accepting it would let anyone write a unit's figures.
    """
    claimed = claimed_signer(package)
    if package.manifest.format_version < SIGNED_FORMAT:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP(
                    "packages",
                    "{file} 自称来自{who}，但它是旧版本程序导出的未签名上报包（格式 1），无法确认来源，不予接受。"
                    "请该单位用区里发放的登记文件登记后重新导出",
                ),
                {"file": package.path.name, "who": signer_name(store, claimed)},
            )
        )
    check_seal(store, claimed, package.manifest.key_id, package.signature, package.signed_bytes, file=package.path.name)
