"""This seat: who works at it, in which role, at which desk; and the check every checked
service entry point makes before it touches the store (services/seat_services.py).

The desk is the computer the seat runs on: the settings' `[seat] desk=` when set, else the
host name. It is on every audit row this process writes, whichever path wrote it
(services/audit.record), so it is set once per process at start (`use_desk`).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass

from cti_desk.domain.roles import AccessDenied, Action, Role, check, may
from cti_desk.domain.text import bounded

__all__ = ["AccessDenied", "Action", "Role", "Seat", "local_seat", "require", "this_desk", "use_desk"]

MAX_DESK = 100  # audit_log.desk
SETTINGS_DESK = "seat/desk"

_desk: str | None = None


def desk_name(text: str | None) -> str:
    """A desk name as stored: one line, control characters dropped, at most 100 characters."""
    return " ".join(bounded(text or "", MAX_DESK).split())


def _host() -> str:
    try:
        return desk_name(socket.gethostname()) or "unknown-desk"
    except OSError:
        return "unknown-desk"


def use_desk(name: str | None) -> str:
    """This process's desk from now on (None or blank: the host name); returns it."""
    global _desk
    _desk = desk_name(name) or _host()
    return _desk


def this_desk() -> str:
    return _desk if _desk is not None else use_desk(None)


@dataclass(frozen=True, slots=True)
class Seat:
    person: str  # the name on every record the seat writes (settings/operator.py)
    role: Role
    desk: str  # the computer: settings [seat] desk=, else its host name

    def may(self, action: Action) -> bool:
        return may(self.role, action)


def require(seat: Seat, action: Action) -> None:
    """AccessDenied unless the seat's role may do this; called before any query."""
    check(seat.role, action)


def local_seat(role: Role, person: str | None = None) -> Seat:
    """A seat of this computer in `role`: the person named (--operator), else the OS user.
    What a command-line command acts as (`kpi`, `audit`: a supervisor; `find`: an operator)
    and a window's seat when none is given."""
    from cti_desk.settings.operator import operator_name, os_user

    return Seat(operator_name(person) if person else operator_name(os_user(), "OS user name"),
                role, this_desk())
