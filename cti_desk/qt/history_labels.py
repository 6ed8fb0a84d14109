"""The history's words in the UI's language: channels, statuses, an order's steps, dispositions.

The store keeps codes ("line", "pending_delivery", "question_answered"); these name them
when shown (context "History" in the translations).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cti_desk.services.history import PENDING_DELIVERY

CHANNELS = ("store", "ec", "app", "line", "call_center", "email", "form")


def channel_label(channel: str) -> str:
    return {
        "store": QCoreApplication.translate("History", "Shop"),
        "ec": QCoreApplication.translate("History", "EC"),
        "app": QCoreApplication.translate("History", "App"),
        "line": QCoreApplication.translate("History", "LINE"),
        "call_center": QCoreApplication.translate("History", "Call center"),
        "email": QCoreApplication.translate("History", "Email"),
        "form": QCoreApplication.translate("History", "Web form"),
    }.get(channel, channel)


def status_label(status: str) -> str:
    return {
        "completed": QCoreApplication.translate("History", "Completed"),
        # A delivery order's life: placed (not shipped yet), shipped, delivered, cancelled.
        PENDING_DELIVERY: QCoreApplication.translate("History", "Order received"),
        "shipped": QCoreApplication.translate("History", "Shipped"),
        "delivered": QCoreApplication.translate("History", "Delivered"),
        "open": QCoreApplication.translate("History", "Open"),
        "closed": QCoreApplication.translate("History", "Closed"),
        "cancelled": QCoreApplication.translate("History", "Cancelled"),
        "returned": QCoreApplication.translate("History", "Returned"),
    }.get(status, status)


def step_label(status: str) -> str:
    """A step of a delivery order's life (services/order_life: placed, shipped, ...)."""
    return status_label(PENDING_DELIVERY if status == "placed" else status)


def step_source_label(source: str, actor: str) -> str:
    """Who said so: the operator by name, the OMS, the system."""
    if source == "oms":
        return QCoreApplication.translate("History", "OMS")
    if source == "system" or not actor:
        return QCoreApplication.translate("History", "System")
    return actor


def disposition_label(code: str) -> str:
    return {
        "question_answered": QCoreApplication.translate("History", "Question answered"),
        "order_placed": QCoreApplication.translate("History", "Order placed"),
        "complaint": QCoreApplication.translate("History", "Complaint"),
        "callback_requested": QCoreApplication.translate("History", "Callback requested"),
        "wrong_number": QCoreApplication.translate("History", "Wrong number"),
        "other": QCoreApplication.translate("History", "Other"),
    }.get(code, code)
