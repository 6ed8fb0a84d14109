"""The customer's card: who it is, segment and points, channel identities, phones with
click-to-dial, and "this is the caller" when the call on screen is someone else's."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cti_desk.domain.phone import display
from cti_desk.qt.history_labels import channel_label
from cti_desk.qt.icons import icon
from cti_desk.services.customers import CustomerSummary


def segment_label(segment: str) -> str:
    return {
        "prospect": QCoreApplication.translate("CustomerPanel", "Prospect"),
        "first_time": QCoreApplication.translate("CustomerPanel", "First-time buyer"),
        "loyal": QCoreApplication.translate("CustomerPanel", "Loyal customer"),
    }.get(segment, segment)


def phone_kind_label(kind: str) -> str:
    return {
        "home": QCoreApplication.translate("CustomerPanel", "home"),
        "mobile": QCoreApplication.translate("CustomerPanel", "mobile"),
        "work": QCoreApplication.translate("CustomerPanel", "work"),
    }.get(kind, kind)


def plain_label(name: str = "", wrap: bool = True) -> QLabel:
    lab = QLabel()
    if name:
        lab.setObjectName(name)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setWordWrap(wrap)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


class CustomerCard(QScrollArea):
    dialRequested = Signal(str)
    callerConfirmed = Signal(int)  # "this is the caller": the customer on the card

    FIELDS = ("kana", "member", "segment", "points", "channels", "addresses", "phones", "emails", "flags")
    # Only free text that runs long wraps: a word-wrapped label's size is a text-document
    # layout each time its text changes, and every pop changes them all (~1 ms a pop).
    WRAPPED = frozenset(("addresses", "flags"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = plain_label("customerName", wrap=False)
        big = QFont(self.name.font())
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.4)
        self.name.setFont(big)
        self.form.addRow(self.name)
        # Shown when the call on screen is not linked to this customer (a search during
        # the call opened someone else): only the operator says who the caller is.
        self.caller_button = QPushButton(objectName="thisIsTheCaller")
        self.caller_button.setIcon(icon("phone"))
        self.caller_button.clicked.connect(self._caller_confirmed)
        self.caller_button.setVisible(False)
        self.form.addRow(self.caller_button)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in self.FIELDS:
            if key == "phones":
                self.phones = QWidget()
                self.phones.setObjectName("customerPhones")
                self.phones_layout = QVBoxLayout(self.phones)
                self.phones_layout.setContentsMargins(0, 0, 0, 0)
                value: QWidget = self.phones
            else:
                value = self.values[key] = plain_label(f"customer_{key}", wrap=key in self.WRAPPED)
            self.labels[key] = QLabel()
            self.form.addRow(self.labels[key], value)
        self.setWidget(body)
        self.summary: CustomerSummary | None = None
        self.dial_blocked: str | None = None  # why dialling is off (no --agent ...), or None
        self._flagged = False
        self._phone_rows: list[tuple[QWidget, QLabel, QToolButton]] = []
        self._phone_numbers: list[str] = []  # e164 of each row's dial button
        self._phones_shown: dict[str, str] = {}
        self.retranslate()

    def offer_caller(self, offered: bool) -> None:
        self.caller_button.setVisible(offered and self.summary is not None)

    def _caller_confirmed(self) -> None:
        if self.summary is not None:
            self.callerConfirmed.emit(self.summary.id)

    def set_dial_blocked(self, reason: str | None) -> None:
        self.dial_blocked = reason
        if self.summary is not None:
            self.show_summary(self.summary)

    def show_summary(self, s: CustomerSummary, phones_shown: dict[str, str] | None = None) -> None:
        """Fill the card; `phones_shown` (e164 -> 03-1234-5678) saves formatting here."""
        self.summary = s
        if phones_shown is not None:
            self._phones_shown = phones_shown
        self.name.setText(s.name)
        v = self.values
        v["kana"].setText(s.name_kana)
        v["member"].setText(", ".join(s.member_ids) or "—")
        v["segment"].setText(
            self.tr("{segment} ({orders} orders)").format(segment=segment_label(s.segment), orders=s.order_count)
        )
        v["points"].setText(f"{s.points:,} pt")
        v["channels"].setText("\n".join(f"{channel_label(ch)}: {ext}" for ch, ext in s.identities) or "—")
        v["addresses"].setText(
            "\n".join(
                f"〒{a.postal_code[:3]}-{a.postal_code[3:]} {a.prefecture}{a.city}{a.line1} {a.line2}".strip()
                for a in s.addresses
            ) or "—"
        )
        v["emails"].setText("\n".join(s.emails) or "—")
        v["flags"].setText(", ".join(s.flags) or "—")
        flagged = bool(s.flags)
        if flagged != self._flagged:  # a style sheet change re-polishes: only when it changes
            self._flagged = flagged
            v["flags"].setStyleSheet("color: #c62828; font-weight: bold;" if flagged else "")
        self._show_phones(s.phones)

    def _show_phones(self, phones: list[tuple[str, str]]) -> None:
        # The rows are kept and refilled, spare ones hidden: a pop builds (and a later one
        # deletes) no widgets unless a customer has more phones than any before.
        while len(self._phone_rows) < len(phones):
            self._phone_rows.append(self._phone_row(len(self._phone_rows)))
        self._phone_numbers = [e164 for _kind, e164 in phones]
        for n, (row, lab, button) in enumerate(self._phone_rows):
            if n >= len(phones):
                if not row.isHidden():
                    row.hide()
                continue
            kind, e164 = phones[n]
            shown = self._phones_shown.get(e164) or display(e164)
            lab.setText(f"{shown} ({phone_kind_label(kind)})")
            button.setText(self.tr("Dial"))
            button.setToolTip(self.dial_blocked or self.tr("Call {number}").format(number=shown))
            button.setEnabled(self.dial_blocked is None)
            if row.isHidden():
                row.show()

    def _phone_row(self, n: int) -> tuple[QWidget, QLabel, QToolButton]:
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        lab = plain_label(wrap=False)
        button = QToolButton()
        button.setObjectName("dialButton")
        button.setIcon(icon("phone"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.clicked.connect(lambda _=False: self.dialRequested.emit(self._phone_numbers[n]))
        h.addWidget(lab)
        h.addWidget(button)
        h.addStretch(1)
        self.phones_layout.addWidget(row)
        return row, lab, button

    def retranslate(self) -> None:
        names = {
            "kana": self.tr("Kana"), "member": self.tr("Member no."), "segment": self.tr("Segment"),
            "points": self.tr("Points"), "channels": self.tr("Channels"),
            "addresses": self.tr("Addresses"), "phones": self.tr("Phones"),
            "emails": self.tr("Emails"), "flags": self.tr("Flags"),
        }
        for key, lab in self.labels.items():
            lab.setText(names[key])
        self.caller_button.setText(self.tr("This is the caller"))
        self.caller_button.setToolTip(self.tr("Link the call on screen and its wrap-up to this customer"))
        if self.summary is not None:
            self.show_summary(self.summary)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
