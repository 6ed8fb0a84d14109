"""Secrets out of everything cti-desk prints: URLs with passwords, tokens on the command line.

Pure string work (no I/O), so every layer can mask what it is about to say. A URL is
masked even when it is malformed (a mistyped URL is exactly what gets echoed back).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import unquote

MASK = "***"
# Query keys whose value is a secret; `secret=keyring` names where it is, so it stays.
SECRET_KEYS = frozenset({
    "token", "secret", "password", "passwd", "pwd", "key", "api_key", "apikey",
    "access_token", "sslpassword",
})
# Options whose next word is a secret (`--token T`, `--line-secret S`); `keyring` is not one.
SECRET_OPTIONS = frozenset({"--token", "--line-secret", "--secret", "--password"})
_NOT_SECRETS = frozenset({"", "keyring", MASK})

# scheme://user:PASSWORD@ -- the password runs to the last @ before the host
# (a password may hold @ when not percent-encoded; what follows the @ has no @ or space).
_USERINFO = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@'\"]*:)(?P<secret>[^\s'\"]*)(?=@[^\s@'\"]*)")
# key=VALUE in a query string, a libpq conninfo or an option (`--token=T`).
_QUERY = re.compile(r"(?P<head>(?<![A-Za-z0-9_])(?P<key>[A-Za-z_]+)=)(?P<secret>[^&#;\s'\"]*)")


def _mask_query(match: re.Match) -> str:
    key, value = match["key"].lower(), match["secret"]
    if key in SECRET_KEYS and value not in _NOT_SECRETS:
        return match["head"] + MASK
    return match.group(0)


def mask_urls(text: str) -> str:
    """Every URL's password and secret query values in `text` replaced by ***."""
    if "://" not in text and "=" not in text:
        return text
    text = _USERINFO.sub(lambda m: m["head"] + (MASK if m["secret"] else ""), text)
    return _QUERY.sub(_mask_query, text)


def url_secrets(text: str) -> list[str]:
    """The secrets a URL (or any text holding URLs) carries, as written and decoded."""
    found: list[str] = [m["secret"] for m in _USERINFO.finditer(text) if m["secret"]]
    found += [m["secret"] for m in _QUERY.finditer(text)
              if m["key"].lower() in SECRET_KEYS and m["secret"] not in _NOT_SECRETS]
    return _with_decoded(found)


def _with_decoded(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        for form in (value, unquote(value)):
            if form and form not in out:
                out.append(form)
    return out


def _argv_secret_words(argv: Sequence[str]) -> Iterator[tuple[str, str | None, str]]:
    """Each word with what of it is a secret: the whole word (the value after
    `--token`), its `=value` (`--token=T`), or None (URLs are looked at separately)."""
    previous = ""
    for word in argv:
        option, eq, value = word.partition("=")
        if previous in SECRET_OPTIONS and word not in _NOT_SECRETS:
            yield word, "word", option
        elif eq and option in SECRET_OPTIONS and value not in _NOT_SECRETS:
            yield word, "value", option
        else:
            yield word, None, option
        previous = word


def argv_secrets(argv: Sequence[str]) -> list[str]:
    """Secrets written on a command line: URL passwords, tokens, `--token T`."""
    found: list[str] = []
    for word, secret, _option in _argv_secret_words(argv):
        if secret == "word":
            found.append(word)
        elif secret == "value":
            found.append(word.partition("=")[2])
        found += url_secrets(word)
    return _with_decoded(found)


def mask_argv(argv: Sequence[str]) -> list[str]:
    """The command line as it may be shown: the same words, secrets replaced by ***."""
    out: list[str] = []
    for word, secret, option in _argv_secret_words(argv):
        if secret == "word":
            out.append(MASK)
        elif secret == "value":
            out.append(f"{option}={MASK}")
        else:
            out.append(mask_urls(word))
    return out


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with URL secrets masked and every known secret (3+ characters) replaced."""
    text = mask_urls(text)
    # Longest first, so a secret containing another is replaced whole.
    for secret in sorted({s for s in secrets if len(s) >= 3}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text
