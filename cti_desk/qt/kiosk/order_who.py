"""Who the kiosk order is for and where it goes: a member found by member number or phone
(shown masked, never their history), or a guest; the address from the postal code.

A member's full name, phone and street never come to this screen: the order service
takes them from the member's record (services.kiosk.place_kiosk_order)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from cti_desk.domain.delivery import OrderDraft, format_postal_code, normalize_postal_code
from cti_desk.qt.kiosk import texts
from cti_desk.qt.kiosk.order_when import Step
from cti_desk.qt.kiosk.style import Choices, button, label, line_edit
from cti_desk.qt.tasks import run_query
from cti_desk.services.kiosk import (
    KioskCustomer,
    KioskCustomerFound,
    KioskShop,
    find_kiosk_customer,
)
from cti_desk.services.orders import postal_code_problem
from cti_desk.services.postal import PostalAddress, PostalCodeError, lookup

log = logging.getLogger(__name__)

MEMBER, GUEST = "member", "guest"


class CustomerStep(Step):
    def __init__(self, store, shop: KioskShop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.shop = store, shop
        self.found: list[KioskCustomer] = []
        self.customer: KioskCustomer | None = None
        self.mode = Choices("kioskCustomerMode", columns=2)
        self.mode.set_options([(MEMBER, ""), (GUEST, "")], MEMBER)
        self.mode.chosen.connect(self._mode_chosen)

        self.member_box = QWidget()
        self.query = line_edit("kioskCustomerQuery", 40)
        self.query.returnPressed.connect(self.find)
        self.find_button = button("kioskCustomerFind")
        self.find_button.clicked.connect(self.find)
        self.message = label("problem", "kioskCustomerMessage")
        self.results = QGridLayout()
        query_row = QHBoxLayout()
        query_row.addWidget(self.query, 1)
        query_row.addWidget(self.find_button)
        member = QVBoxLayout(self.member_box)
        member.setContentsMargins(0, 0, 0, 0)
        member.addLayout(query_row)
        member.addWidget(self.message)
        member.addLayout(self.results)

        self.guest_box = QWidget()
        self.name_label, self.phone_label = label(), label()
        self.guest_name = line_edit("kioskGuestName", 200)
        self.guest_phone = line_edit("kioskGuestPhone", 30)
        guest = QGridLayout(self.guest_box)
        guest.setContentsMargins(0, 0, 0, 0)
        guest.addWidget(self.name_label, 0, 0)
        guest.addWidget(self.guest_name, 0, 1)
        guest.addWidget(self.phone_label, 1, 0)
        guest.addWidget(self.guest_phone, 1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.mode)
        layout.addSpacing(12)
        layout.addWidget(self.member_box)
        layout.addWidget(self.guest_box)
        layout.addStretch(1)
        self._mode_chosen(MEMBER)

    @property
    def fields(self) -> frozenset[str]:  # a member's name and phone come from their record
        return frozenset({"recipient", "phone"}) if self.is_guest() else frozenset()

    def title(self) -> str:
        return self.tr("Who is it for?")

    def is_guest(self) -> bool:
        return self.mode.value() == GUEST

    def _mode_chosen(self, mode) -> None:
        self.member_box.setVisible(mode == MEMBER)
        self.guest_box.setVisible(mode == GUEST)
        (self.query if mode == MEMBER else self.guest_name).setFocus()

    def find(self) -> None:
        text = self.query.text().strip()
        store, shop = self.store, self.shop
        self.find_button.setEnabled(False)
        run_query(lambda: find_kiosk_customer(store, text, shop), self._found, self._failed,
                  key="kiosk-customer", owner=self)

    def _found(self, found: KioskCustomerFound) -> None:
        self.find_button.setEnabled(True)
        self._show_found(found.customers)
        self.message.setText(texts.say(found.message))
        if len(found.customers) == 1:
            self._choose(0)

    def _failed(self, exc: BaseException) -> None:
        self.find_button.setEnabled(True)
        log.warning("kiosk customer lookup failed: %s", type(exc).__name__)
        self.message.setText(self.tr("Members cannot be looked up now. Try again, or order as a guest."))

    def _show_found(self, customers: list[KioskCustomer]) -> None:
        self._clear_found()
        self.found = list(customers)
        for i, c in enumerate(self.found):
            b = button(f"kioskCustomer_{i}")
            b.setCheckable(True)
            b.setText("   ".join(t for t in (c.masked_name, c.masked_phone,
                                              f"〒{format_postal_code(c.postal_code)} {c.prefecture}{c.city}"
                                              if c.postal_code else "") if t))
            b.clicked.connect(lambda _=False, i=i: self._choose(i))
            self.results.addWidget(b, i, 0)
            b.show()

    def _choose(self, index: int) -> None:
        self.customer = self.found[index]
        for i in range(self.results.count()):
            self.results.itemAt(i).widget().setChecked(i == index)

    def _clear_found(self) -> None:
        self.found, self.customer = [], None
        while self.results.count():
            w = self.results.takeAt(0).widget()
            w.setParent(None)
            w.deleteLater()

    def problem(self) -> str | None:
        if not self.is_guest() and self.customer is None:
            return self.tr("Find the member, or choose Guest.")
        return None

    def fill(self, draft: OrderDraft) -> None:
        if self.is_guest():
            draft.customer_id, draft.recipient, draft.phone = 0, self.guest_name.text(), self.guest_phone.text()
        else:
            draft.customer_id = self.customer.customer_id if self.customer else 0
            draft.recipient = draft.phone = ""

    def reset(self) -> None:
        self._clear_found()
        self.message.setText("")
        for edit in (self.query, self.guest_name, self.guest_phone):
            edit.setText("")  # setText, not clear(): clear() can be undone
        self.mode.choose(MEMBER)
        self._mode_chosen(MEMBER)

    def retranslate(self) -> None:
        self.mode.relabel(lambda m: self.tr("Member (member number or phone)") if m == MEMBER
                          else self.tr("Guest (no membership)"))
        self.query.setPlaceholderText(self.tr("Member number or phone number"))
        self.find_button.setText(self.tr("Find"))
        self.name_label.setText(self.tr("Name"))
        self.phone_label.setText(self.tr("Phone"))
        self.guest_phone.setPlaceholderText(self.tr("e.g. 090-1234-5678"))


class AddressStep(Step):
    def __init__(self, customer: CustomerStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer = customer
        self.prefecture = self.city = ""
        self.heading = label("title")
        self.postal = line_edit("kioskPostalCode", 10)
        self.postal.textEdited.connect(self._postal_edited)
        self.postal.returnPressed.connect(self.find_address)
        self.find_button = button("kioskPostalFind")
        self.find_button.clicked.connect(self.find_address)
        self.area = label("title", "kioskAddressArea")
        self.line1_label, self.line2_label = label(), label()
        self.line1 = line_edit("kioskAddressLine1", 200)
        self.line2 = line_edit("kioskAddressLine2", 200)
        self.note = label("note", "kioskAddressNote")
        postal_row = QHBoxLayout()
        postal_row.addWidget(self.postal, 1)
        postal_row.addWidget(self.find_button)
        streets = QGridLayout()
        streets.addWidget(self.line1_label, 0, 0)
        streets.addWidget(self.line1, 0, 1)
        streets.addWidget(self.line2_label, 1, 0)
        streets.addWidget(self.line2, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(postal_row)
        layout.addWidget(self.area)
        layout.addLayout(streets)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def _member_home(self) -> KioskCustomer | None:
        c = None if self.customer.is_guest() else self.customer.customer
        return c if c is not None and c.postal_code else None

    def uses_member_street(self) -> bool:
        """The member's registered street (never shown) goes on the label: same postal code, none typed."""
        home = self._member_home()
        return home is not None and normalize_postal_code(self.postal.text()) == home.postal_code \
            and not self.line1.text().strip()

    @property
    def fields(self) -> frozenset[str]:
        base = {"postal_code", "prefecture", "city", "line2"}
        return frozenset(base if self.uses_member_street() else base | {"line1"})

    def title(self) -> str:
        return self.tr("Where should it go?")

    def enter(self) -> None:
        home = self._member_home()
        if home is not None and not self.postal.text().strip():
            self.postal.setText(format_postal_code(home.postal_code))
            self.prefecture, self.city = home.prefecture, home.city
        self._show()

    def _postal_edited(self, _text: str) -> None:
        self.prefecture = self.city = ""
        self._show()
        if normalize_postal_code(self.postal.text()) is not None:
            self.find_address()

    def find_address(self) -> None:
        text = self.postal.text()
        run_query(lambda: lookup(text), self._address_found, lambda exc: self._address_failed(text, exc),
                  key="kiosk-postal", owner=self)

    def _address_found(self, found: PostalAddress) -> None:
        self.postal.setText(format_postal_code(found.postal_code))
        self.prefecture, self.city = found.prefecture, found.city + found.town
        self.note.setText("")
        self._show()

    def _address_failed(self, text: str, exc: BaseException) -> None:
        self.prefecture = self.city = ""
        self._show()
        if isinstance(exc, PostalCodeError):
            self.note.setText(texts.say(postal_code_problem(text)))
        else:
            self.note.setText(self.tr("The address cannot be looked up now. Please try again."))

    def _show(self) -> None:
        self.area.setText(f"{self.prefecture} {self.city}".strip())
        self.line1.setPlaceholderText(self.tr("Registered street address (not shown)") if self._member_home()
                                      and normalize_postal_code(self.postal.text()) == self._member_home().postal_code
                                      else self.tr("Street number, building"))

    def problem(self) -> str | None:
        if normalize_postal_code(self.postal.text()) is not None and not self.prefecture:
            return self.tr("Tap “Find address” to fill in the area.")
        return None

    def fill(self, draft: OrderDraft) -> None:
        draft.postal_code = self.postal.text()
        draft.prefecture, draft.city = self.prefecture, self.city
        draft.line1, draft.line2 = self.line1.text(), self.line2.text()

    def reset(self) -> None:
        for edit in (self.postal, self.line1, self.line2):
            edit.setText("")
        self.prefecture = self.city = ""
        self.note.setText("")
        self._show()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Postal code"))
        self.postal.setPlaceholderText(self.tr("e.g. 150-0002"))
        self.find_button.setText(self.tr("Find address"))
        self.line1_label.setText(self.tr("Street"))
        self.line2_label.setText(self.tr("Building, room"))
        self._show()
