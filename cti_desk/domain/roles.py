"""Who may see and do what: the three roles a seat can have and the table of their rights.

The services check it (services/access.py `require`) before they touch the store, so a
window that asks for something its role may not see is refused there, not merely shown
no button for it. A supervisor steps in on calls and may do what an operator does; the
kiosk is a shared screen in a shop: products, stock, a member found masked, an order.
"""

from __future__ import annotations

from enum import StrEnum

from cti_desk.domain.delivery import Message, message


class Role(StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    KIOSK = "kiosk"


class Action(StrEnum):
    OPEN_CUSTOMER = "open_customer"  # a customer's whole record: card, phones, addresses
    SEARCH_CUSTOMERS = "search_customers"  # by name, kana, phone, email, member or order no.
    READ_PURCHASES = "read_purchases"  # the purchase history of every channel
    READ_INQUIRIES = "read_inquiries"  # past inquiries and their notes
    WRITE_CUSTOMER = "write_customer"  # a customer made from a call, a number attached
    WRITE_WRAPUP = "write_wrapup"  # a call's wrap-up into the customer's inquiries
    PLACE_ORDER = "place_order"  # a delivery order (reserves stock, goes to the OMS)
    CANCEL_ORDER = "cancel_order"  # an order not shipped yet (stock released, points back, OMS told)
    KIOSK_LOOKUP = "kiosk_lookup"  # a member by number or phone, masked, no history
    READ_KPI = "read_kpi"  # calls, sales, the journey, products asked for
    READ_AUDIT = "read_audit"  # who opened or changed which record, when, from where


Y, _ = True, False

# What each role may do, at a glance.        operator  supervisor  kiosk
PERMISSIONS: dict[Action, tuple[bool, bool, bool]] = {
    Action.OPEN_CUSTOMER:                      (Y,        Y,          _),
    Action.SEARCH_CUSTOMERS:                   (Y,        Y,          _),
    Action.READ_PURCHASES:                     (Y,        Y,          _),
    Action.READ_INQUIRIES:                     (Y,        Y,          _),
    Action.WRITE_CUSTOMER:                     (Y,        Y,          _),
    Action.WRITE_WRAPUP:                       (Y,        Y,          _),
    Action.PLACE_ORDER:                        (Y,        Y,          Y),
    Action.CANCEL_ORDER:                       (Y,        Y,          _),
    Action.KIOSK_LOOKUP:                       (_,        _,          Y),
    Action.READ_KPI:                           (_,        Y,          _),
    Action.READ_AUDIT:                         (_,        Y,          _),
}
_COLUMN = {Role.OPERATOR: 0, Role.SUPERVISOR: 1, Role.KIOSK: 2}


def may(role: Role, action: Action) -> bool:
    return PERMISSIONS[action][_COLUMN[role]]


def allowed(role: Role) -> frozenset[Action]:
    return frozenset(a for a in Action if may(role, a))


# English words for the refusal; the Qt layer lists and translates them (qt/roles.py).
ROLE_LABELS = {Role.OPERATOR: "Operator", Role.SUPERVISOR: "Supervisor", Role.KIOSK: "Kiosk"}
ACTION_LABELS = {
    Action.OPEN_CUSTOMER: "opening a customer's record",
    Action.SEARCH_CUSTOMERS: "searching customers",
    Action.READ_PURCHASES: "reading the purchase history",
    Action.READ_INQUIRIES: "reading past inquiries",
    Action.WRITE_CUSTOMER: "changing a customer's record",
    Action.WRITE_WRAPUP: "saving a wrap-up",
    Action.PLACE_ORDER: "placing an order",
    Action.CANCEL_ORDER: "cancelling an order",
    Action.KIOSK_LOOKUP: "a kiosk's member lookup",
    Action.READ_KPI: "reading the KPIs",
    Action.READ_AUDIT: "reading the audit log",
}
ROLE_TEXTS = {"denied": "The {role} role does not allow {action}"}


class AccessDenied(PermissionError):
    """A seat asked for what its role may not do; nothing was read or written."""

    def __init__(self, role: Role, action: Action) -> None:
        self.role, self.action = role, action
        self.message: Message = message(ROLE_TEXTS, "denied", role=ROLE_LABELS[role],
                                        action=ACTION_LABELS[action])
        super().__init__(str(self.message))


def check(role: Role, action: Action) -> None:
    """AccessDenied unless the role may do the action."""
    if not may(role, action):
        raise AccessDenied(role, action)
