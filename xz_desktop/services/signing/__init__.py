"""Signed files (issue 11): Ed25519 keys per unit and for the district, enrolment, sign and verify.

- :mod:`.crypto` — the primitive (``cryptography``'s Ed25519), keys as base64 text.
- :mod:`.seal` — the wrapper every file kind uses: sign bytes or a JSON body as this copy,
  and verify a file's claimed signer against the keys this copy trusts.
- :mod:`.enrolment` — the district enrols (or re-keys) a unit; a unit's copy is set up from it.
"""

from .seal import Seal, check_seal, seal, sign_json, verify_json

__all__ = ["Seal", "check_seal", "seal", "sign_json", "verify_json"]
