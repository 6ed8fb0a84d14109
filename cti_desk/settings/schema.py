"""What the desk's settings file (`cti-desk.toml`) may hold: every key once, with its type
check, the `cti-desk.ini` key it came from, and a line for the README.

A check takes what TOML gave and returns the typed value, or raises ValueError with
the problem in a few words; `SettingsValueError` then names the file and the key.
Secrets are never kept here: a URL with a password or token is refused with where it
belongs instead (the OS keyring, `secret=keyring` / `token=keyring`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from cti_desk.domain.errors import BadArgument
from cti_desk.domain.redact import mask_urls
from cti_desk.settings import operator as operator_rules
from cti_desk.settings import options

SCHEMA = 1
ROLES = ("operator", "supervisor", "kiosk")
LANGUAGES = ("en", "ja")
SOURCE_SCHEMES = ("ami", "webhook", "sim", "relay")
IDLE_TIMEOUT_RANGE = (15, 3600)  # the kiosk's, as --idle-timeout


class SettingsValueError(BadArgument):
    """A key of the settings file holds a value cti-desk cannot use (exit 2)."""


@dataclass(frozen=True, slots=True)
class Field:
    section: str
    key: str
    check: Callable[[Any], Any]
    legacy: str | None  # the key in cti-desk.ini ("group/key", or "key" for [General])
    help: str

    @property
    def name(self) -> str:
        return f"{self.section}.{self.key}"


def _text(value: Any, limit: int = 200) -> str:
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise ValueError("expected text")
    text = str(value).strip()
    if not text or len(text) > limit or not text.isprintable():
        raise ValueError(f"expected 1-{limit} printable characters")
    return text


def _bad_argument(check: Callable[[str], Any], value: Any) -> Any:
    """Reuse a command-line check; its message's "invalid --x 'v': " head is the key's now."""
    try:
        return check(_text(value, 2000))
    except BadArgument as exc:
        text = str(exc)
        raise ValueError(text.split("': ", 1)[1] if "': " in text else text) from None


def _no_password(url: str) -> None:
    try:
        parts = urlsplit(url)
    except ValueError:
        raise ValueError("not a URL") from None
    if parts.password:
        raise ValueError("a password does not belong in the settings file (use the keyring, "
                         "or the environment: CTI_DESK_DB / CTI_DESK_SOURCE / ~/.pgpass)")


def store_url(value: Any) -> str:
    url = _text(value, 2000)  # a space is fine: an SQLite file's folder may have one, as with --db
    if "://" not in url:
        raise ValueError("expected sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB")
    _no_password(url)
    return url


def source_url(value: Any) -> str:
    url = _text(value, 2000)
    scheme = url.split("://", 1)[0].lower() if "://" in url else url.lower()
    if scheme not in SOURCE_SCHEMES:
        raise ValueError("expected ami://USER@HOST:PORT?secret=keyring, webhook://HOST:PORT, sim:// or relay")
    _no_password(url)
    for key, val in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if key in ("secret", "token") and val != "keyring":
            raise ValueError(f"a {key} does not belong in the settings file: {key}=keyring "
                             "(saved by the settings dialog, or `keyring set`)")
    return url


def _agent(value: Any) -> str:
    return _bad_argument(options.agent_interface, value)


def _oms(value: Any) -> str:
    url = _bad_argument(options.oms_url, value)
    _no_password(url)
    return url


def _queues(value: Any) -> list[str]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ValueError("expected a list of queue names")
    names = [_text(v, 80) for v in items if str(v).strip()]
    return names


def _outside_line(value: Any) -> str:
    text = _text(value, 4)
    if not text.isdigit() or not text.isascii():
        raise ValueError("1-4 digits, e.g. 0")
    return text


def _choice(choices: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        text = _text(value, 40)
        if text not in choices:
            raise ValueError("one of " + ", ".join(choices))
        return text
    return check


def _operator_name(value: Any) -> str:
    return _bad_argument(operator_rules.operator_name, value)


def _agents(value: Any) -> dict[str, str]:
    """A table {"PJSIP/2001" = "sato"}; the INI's `IFACE=NAME, ...` text is taken too."""
    try:
        if isinstance(value, Mapping):
            return {_agent(k): operator_rules.operator_name(str(v)) for k, v in value.items()}
        return operator_rules.agent_map(value)
    except BadArgument as exc:
        raise ValueError(str(exc).replace("invalid settings operator/agents item", "item")) from None


def _int(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        try:
            number = int(str(value).strip()) if not isinstance(value, bool | float) else None
        except ValueError:
            number = None
        if number is None:
            raise ValueError("not a whole number")
        if not low <= number <= high:
            raise ValueError(f"must be {low} to {high}")
        return number
    return check


def _fraction(value: Any) -> float:
    try:
        number = float(value) if not isinstance(value, bool) else -1.0
    except (TypeError, ValueError):
        number = -1.0
    if not 0 < number <= 1:
        raise ValueError("a fraction above 0 up to 1, e.g. 0.8")
    return number


FIELDS: tuple[Field, ...] = (
    Field("store", "url", store_url, None, "the store (as --db / CTI_DESK_DB); no password"),
    Field("source", "url", source_url, None, "the call source (as --source / CTI_DESK_SOURCE); "
          "secrets only as secret=keyring / token=keyring"),
    Field("source", "agent", _agent, None, "this seat's phone, e.g. PJSIP/2001 (as --agent)"),
    Field("source", "pop_on_answer", _queues, None, "queues that pop on answer (as --pop-on-answer)"),
    Field("source", "outside_line", _outside_line, "outside_line", "the PBX's outside-line digit on incoming numbers"),
    Field("oms", "url", _oms, None, "the order management system (as --oms-url)"),
    Field("ui", "language", _choice(LANGUAGES), "language", "en or ja (the View menu sets it)"),
    Field("seat", "role", _choice(ROLES), "role", "operator, supervisor or kiosk (as --role)"),
    Field("seat", "desk", lambda v: _text(v, 100), "seat/desk", "this desk's name on audit rows (default: the host name)"),
    Field("operator", "name", _operator_name, operator_rules.SETTINGS_NAME, "the operator's name on records"),
    Field("operator", "agents", _agents, operator_rules.SETTINGS_AGENTS, "table: phone interface = operator name"),
    Field("kiosk", "shop", lambda v: _text(v, 20), "kiosk/shop", "the kiosk's shop code (as --shop)"),
    Field("kiosk", "idle_timeout", _int(*IDLE_TIMEOUT_RANGE), "kiosk/idle_timeout", "seconds, 15-3600 (as --idle-timeout)"),
    Field("supervisor", "sl_seconds", _int(1, 86_400), "supervisor/sl_seconds", "service-level threshold, seconds"),
    Field("supervisor", "service_level_target", _fraction, "supervisor/service_level_target",
          "the service level a queue tile aims at, e.g. 0.8"),
    Field("supervisor", "longest_wait_limit_s", _int(1, 86_400), "supervisor/longest_wait_limit_s",
          "a tile turns red past this wait, seconds"),
)
BY_NAME = {f.name: f for f in FIELDS}
BY_LEGACY = {f.legacy: f for f in FIELDS if f.legacy}


def shown(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return repr(value)
    text = mask_urls(str(value))
    return repr(text if len(text) <= 40 else text[:40] + "…")


def checked(name: str, value: Any, where: str) -> Any:
    """The typed value of one key; SettingsValueError naming the file, key and problem."""
    field = BY_NAME[name]
    try:
        return field.check(value)
    except ValueError as exc:
        raise SettingsValueError(f"the settings file {where}: [{field.section}] {field.key} = "
                                 f"{shown(value)}: {exc}; fix it (the file was not changed)") from None
