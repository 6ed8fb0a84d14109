"""The history's words in the UI's language: channels, statuses, dispositions.

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
        PENDING_DELIVERY: QCoreApplication.translate("History", "Pending delivery"),
        "open": QCoreApplication.translate("History", "Open"),
        "closed": QCoreApplication.translate("History", "Closed"),
        "cancelled": QCoreApplication.translate("History", "Cancelled"),
        "returned": QCoreApplication.translate("History", "Returned"),
    }.get(status, status)


def disposition_label(code: str) -> str:
    return {
        "question_answered": QCoreApplication.translate("History", "Question answered"),
        "order_placed": QCoreApplication.translate("History", "Order placed"),
        "complaint": QCoreApplication.translate("History", "Complaint"),
        "callback_requested": QCoreApplication.translate("History", "Callback requested"),
        "wrong_number": QCoreApplication.translate("History", "Wrong number"),
        "other": QCoreApplication.translate("History", "Other"),
    }.get(code, code)
