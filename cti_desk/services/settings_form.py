"""The settings dialog's rules, without Qt: the call source's fields to and from its URL,
each field's problem in a few words, the secrets to the OS keyring, the two tests.

The URL saved in `cti-desk.toml` never holds a secret: an AMI secret is saved to the
keyring (service `cti-desk`, username `ami://USER@HOST:PORT`, what `secret=keyring`
reads) and a webhook token likewise (username `webhook://HOST:PORT`, `token=keyring`).
"Test connection" logs in with the secret as typed, in this process's memory only.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from cti_desk.domain.errors import BadArgument
from cti_desk.services.diagnostics import TIMEOUT_S, CheckResult, check_store
from cti_desk.services.diagnostics_source import check_source
from cti_desk.settings import options
from cti_desk.telephony.ami.url import DEFAULT_PORT, KEYRING_SERVICE, keyring_username
from cti_desk.telephony.sources import webhook_keyring_username

KINDS = ("ami", "webhook", "sim", "relay")


class FieldProblem(BadArgument):
    """One field's value cannot be used: shown on that field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass
class SourceForm:
    kind: str = "sim"
    host: str = ""
    port: int = DEFAULT_PORT
    user: str = ""
    md5: bool = False
    secret: str = ""  # typed now; empty: the keyring's entry is kept
    webhook_host: str = "0.0.0.0"
    webhook_port: int = 8080
    token: str = ""  # typed now; empty: none, or the keyring's entry when the URL says so
    token_in_keyring: bool = False


def form_from_url(url: str | None) -> SourceForm:
    """The fields of a saved source URL (no secret: those are in the keyring)."""
    text = (url or "").strip()
    if text == "relay":
        return SourceForm(kind="relay")
    if not text or text.startswith("sim"):
        return SourceForm(kind="sim")
    try:
        parts = urlsplit(text)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        port = parts.port
    except ValueError:
        return SourceForm()
    if parts.scheme == "ami":
        return SourceForm(kind="ami", host=parts.hostname or "", port=port or DEFAULT_PORT,
                          user=unquote(parts.username or ""), md5=query.get("auth") == "md5")
    if parts.scheme == "webhook":
        return SourceForm(kind="webhook", webhook_host=parts.hostname or "0.0.0.0",
                          webhook_port=port or 8080, token_in_keyring=query.get("token") == "keyring")
    return SourceForm()


def _host(field: str, text: str) -> str:
    host = text.strip()
    if not host or len(host) > 253 or any(c.isspace() or c in "/@?#" for c in host):
        raise FieldProblem(field, "a host name or address, e.g. pbx.example or 192.0.2.10")
    return host


def _port(field: str, port: int) -> int:
    if not 0 < int(port) < 65536:
        raise FieldProblem(field, "a port, 1-65535")
    return int(port)


def _netloc(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def saved_url(form: SourceForm) -> str:
    """The URL for the settings file (secret=keyring / token=keyring, never a secret)."""
    if form.kind in ("sim", "relay"):
        return "sim://" if form.kind == "sim" else "relay"
    if form.kind == "ami":
        host, port = _host("amiHost", form.host), _port("amiPort", form.port)
        user = form.user.strip()
        if not user or any(c.isspace() for c in user) or len(user) > 80:
            raise FieldProblem("amiUser", "the AMI user of manager.conf, e.g. cti-desk")
        auth = "&auth=md5" if form.md5 else ""
        return f"ami://{quote(user, safe='')}@{_netloc(host, port)}?secret=keyring{auth}"
    if form.kind == "webhook":
        host, port = _host("webhookHost", form.webhook_host), _port("webhookPort", form.webhook_port)
        token = form.token.strip()
        if token and (len(token) > 512 or any(c.isspace() for c in token)):
            raise FieldProblem("webhookToken", "1-512 characters, no spaces")
        keyring = "?token=keyring" if token or form.token_in_keyring else ""
        return f"webhook://{_netloc(host, port)}{keyring}"
    raise FieldProblem("sourceKind", "ami, webhook, sim or relay")


def probe_url(form: SourceForm) -> str:
    """The URL "Test connection" uses: the typed secret inline (memory only), else the keyring's."""
    url = saved_url(form)
    if form.kind == "ami" and form.secret:
        head, _, query = url.partition("?")
        query = "&".join(p for p in query.split("&") if p != "secret=keyring")
        user, _, rest = head[len("ami://"):].partition("@")
        url = f"ami://{user}:{quote(form.secret, safe='')}@{rest}" + (f"?{query}" if query else "")
    if form.kind == "webhook" and form.token:
        url = url.split("?", 1)[0]  # the port is what is tried; the token is not needed for it
    return url


def save_secrets(form: SourceForm) -> list[str]:
    """Typed secrets into the OS keyring; the entries written (service/username, no value).
    A keyring that cannot store raises FieldProblem on the secret's field."""
    import keyring
    import keyring.errors

    written = []
    entries = []
    if form.kind == "ami" and form.secret:
        entries.append(("amiSecret", keyring_username(form.user.strip(), form.host.strip(), int(form.port)), form.secret))
    if form.kind == "webhook" and form.token.strip():
        entries.append(("webhookToken", webhook_keyring_username(form.webhook_host.strip(), int(form.webhook_port)),
                        form.token.strip()))
    for field, username, secret in entries:
        try:
            keyring.set_password(KEYRING_SERVICE, username, secret)
        except keyring.errors.KeyringError as exc:
            raise FieldProblem(field, f"the OS keyring did not take it: {str(exc).splitlines()[0][:120]}") from None
        written.append(f"{KEYRING_SERVICE}/{username}")
    return written


def agent_problem(text: str) -> str | None:
    if not text.strip():
        return None
    try:
        options.agent_interface(text)
    except BadArgument as exc:
        return str(exc)
    return None


def test_store(db_url: str, timeout: float = TIMEOUT_S) -> CheckResult:
    return check_store(db_url, timeout)


def test_source(form: SourceForm, db_url: str, timeout: float = TIMEOUT_S) -> CheckResult:
    return check_source(probe_url(form), db_url, timeout)
