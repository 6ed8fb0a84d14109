"""Asterisk Manager Interface: parser, client, `ami://` URLs."""

from cti_desk.telephony.ami.client import (
    AmiClient,
    AmiError,
    AuthenticationFailed,
    ConnectionLost,
    NotAmiPeer,
)
from cti_desk.telephony.ami.message import Message
from cti_desk.telephony.ami.parser import AmiParser, unescape_c
from cti_desk.telephony.ami.url import AmiConfig, parse_ami_url

__all__ = [
    "AmiClient",
    "AmiConfig",
    "AmiError",
    "AmiParser",
    "AuthenticationFailed",
    "ConnectionLost",
    "Message",
    "NotAmiPeer",
    "parse_ami_url",
    "unescape_c",
]
