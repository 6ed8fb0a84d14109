"""Secrets a source or the inbox names as `keyring`: read from the OS keyring, never a file.

One place for the AMI secret, the webhook token and the inbox's secrets, so each says
the same when the keyring is missing or holds nothing.
"""

from __future__ import annotations

from cti_desk.domain.errors import BadArgument

KEYRING_SERVICE = "cti-desk"


def keyring_secret(username: str, what: str) -> str:
    """The secret stored for `username`; BadArgument naming `what` and where it looked."""
    # Loaded here, not with the module: the window's settings import the callers (50 ms).
    import keyring
    import keyring.errors

    try:
        found = keyring.get_password(KEYRING_SERVICE, username)
    except keyring.errors.KeyringError as exc:
        raise BadArgument(f"no usable keyring to read the {what}: {exc}") from None
    if not found:
        raise BadArgument(f"no {what} in the keyring: service {KEYRING_SERVICE!r}, username {username!r}")
    return found
