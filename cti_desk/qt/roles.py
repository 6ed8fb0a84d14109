"""The role check's words (domain/roles.py) in the UI's language; tests/gui/test_roles_gui.py
keeps these lists in step with the core's."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cti_desk.domain.roles import ACTION_LABELS, ROLE_LABELS, ROLE_TEXTS, AccessDenied

CONTEXT = "roles"

ROLES = (
    # roles.ROLE_LABELS
    QT_TRANSLATE_NOOP("roles", "Operator"),
    QT_TRANSLATE_NOOP("roles", "Supervisor"),
    QT_TRANSLATE_NOOP("roles", "Kiosk"),
)
ACTIONS = (
    # roles.ACTION_LABELS
    QT_TRANSLATE_NOOP("roles", "opening a customer's record"),
    QT_TRANSLATE_NOOP("roles", "searching customers"),
    QT_TRANSLATE_NOOP("roles", "reading the purchase history"),
    QT_TRANSLATE_NOOP("roles", "reading past inquiries"),
    QT_TRANSLATE_NOOP("roles", "changing a customer's record"),
    QT_TRANSLATE_NOOP("roles", "saving a wrap-up"),
    QT_TRANSLATE_NOOP("roles", "placing an order"),
    QT_TRANSLATE_NOOP("roles", "cancelling an order"),
    QT_TRANSLATE_NOOP("roles", "a kiosk's member lookup"),
    QT_TRANSLATE_NOOP("roles", "reading the KPIs"),
    QT_TRANSLATE_NOOP("roles", "reading the audit log"),
)
TEXTS = (
    # roles.ROLE_TEXTS
    QT_TRANSLATE_NOOP("roles", "The {role} role does not allow {action}"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def denied_text(exc: AccessDenied) -> str:
    return _tr(ROLE_TEXTS["denied"]).format(role=_tr(ROLE_LABELS[exc.role]), action=_tr(ACTION_LABELS[exc.action]))


def error_text(exc: BaseException) -> str:
    """A failure as the status bar says it: a refusal in the UI's language, else the
    error's own first words."""
    if isinstance(exc, AccessDenied):
        return denied_text(exc)
    return str(exc) or type(exc).__name__
