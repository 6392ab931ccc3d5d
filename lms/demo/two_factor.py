"""Authenticators for the demo staff accounts (and the tests), made without allauth's internals.

allauth sets up an authenticator only through its internal flows, which need a request and a
form; it has no public function for it. So these write `Authenticator` rows (its public model)
as allauth stores them, secrets encrypted with its public `allauth.mfa.utils.encrypt`: a TOTP
as {"secret"}, recovery codes as {"seed", "used_mask"}. Anything that reads them back goes
through `Authenticator.wrap()`, allauth's public way to its own TOTP and recovery-code logic.
"""

import base64
import hashlib
import hmac
import secrets
import struct
import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt, encrypt


def set_up_totp(user, secret: str) -> Authenticator:
    """The person's TOTP authenticator for this base32 secret, replacing one with another secret."""
    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if existing is not None:
        if decrypt(existing.data["secret"]) == secret:
            return existing
        existing.delete()
    return Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt(secret)})


def set_up_recovery_codes(user) -> Authenticator:
    """The person's recovery codes, made once (allauth derives the codes from a random seed)."""
    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).first()
    if existing is not None:
        return existing
    return Authenticator.objects.create(
        user=user, type=Authenticator.Type.RECOVERY_CODES,
        data={"seed": encrypt(secrets.token_hex(40)), "used_mask": 0},
    )


def totp_code(secret: str, at: float | None = None) -> str:
    """The code an authenticator app shows for this base32 secret at `at` (Unix time; now if
    not given): RFC 6238 with allauth's period and number of digits."""
    counter = int(time.time() if at is None else at) // mfa_settings.TOTP_PERIOD
    digest = hmac.new(base64.b32decode(secret, casefold=True), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    digits = mfa_settings.TOTP_DIGITS
    return f"{value % 10**digits:0{digits}d}"
