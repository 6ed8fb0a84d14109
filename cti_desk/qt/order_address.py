"""Where a delivery order goes: an address from the customer's address book or a new one,
the prefecture and city filled in from the postal code."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from cti_desk.domain.delivery import PREFECTURES, format_postal_code, normalize_postal_code
from cti_desk.domain.phone import display as phone_display
from cti_desk.qt.order_fields import FieldErrors, Rows
from cti_desk.qt.tasks import run_query
from cti_desk.services.orders import CustomerForOrder, postal_code_problem
from cti_desk.services.postal import PostalAddress, PostalCodeError, lookup

NEW_ADDRESS = -1


class DeliveryAddress(QGroupBox):
    def __init__(self, fields: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = fields
        self._customer: CustomerForOrder | None = None
        self.address_combo = QComboBox()
        self.address_combo.setObjectName("orderAddressChoice")
        self.address_combo.currentIndexChanged.connect(self._address_chosen)
        self.recipient = self._line_edit("recipient", 200)
        self.phone = self._line_edit("phone", 30)
        self.postal_code = self._line_edit("postal_code", 10)
        self.postal_code.editingFinished.connect(self._postal_finished)
        self.postal_button = QPushButton()
        self.postal_button.setObjectName("orderPostalLookup")
        self.postal_button.clicked.connect(self.lookup_postal_code)
        self.prefecture = QComboBox()
        self.prefecture.setObjectName("orderPrefecture")
        self.prefecture.addItem("", "")
        for pref in PREFECTURES:
            self.prefecture.addItem(pref, pref)
        fields.watch("prefecture", self.prefecture)
        self.city = self._line_edit("city", 100)
        self.line1 = self._line_edit("line1", 200)
        self.line2 = self._line_edit("line2", 200)

        self.rows = Rows(QFormLayout(self))
        self.rows.add("address_book", self.address_combo)
        self.rows.add("recipient", fields.with_error("recipient", self.recipient))
        self.rows.add("phone", fields.with_error("phone", self.phone))
        postal_row = QHBoxLayout()
        postal_row.addWidget(self.postal_code)
        postal_row.addWidget(self.postal_button)
        postal_row.addStretch(1)
        self.rows.add("postal_code", fields.with_error("postal_code", postal_row))
        for name, widget in (("prefecture", self.prefecture), ("city", self.city),
                             ("line1", self.line1), ("line2", self.line2)):
            self.rows.add(name, fields.with_error(name, widget))
        self.address_combo.addItem("", NEW_ADDRESS)

    def _line_edit(self, name: str, limit: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"order_{name}")
        edit.setMaxLength(limit)
        self.fields.watch(name, edit)
        return edit

    def retranslate(self) -> None:
        self.setTitle(self.tr("Deliver to"))
        self.postal_code.setPlaceholderText(self.tr("e.g. 100-0001"))
        self.postal_button.setText(self.tr("Find address"))
        self.line1.setPlaceholderText(self.tr("Street number, building, room"))
        self.rows.name({
            "address_book": self.tr("Address book"), "recipient": self.tr("Name"), "phone": self.tr("Phone"),
            "postal_code": self.tr("Postal code"), "prefecture": self.tr("Prefecture"),
            "city": self.tr("City, ward, town"), "line1": self.tr("Street and building"),
            "line2": self.tr("Building name etc."),
        })
        self.address_combo.setItemText(self.address_combo.findData(NEW_ADDRESS), self.tr("New address"))

    def chosen_prefecture(self) -> str | None:
        return self.prefecture.currentData() or None

    def show_customer(self, customer: CustomerForOrder | None) -> None:
        """The customer's address book, name and phone; the first address chosen."""
        self._customer = customer
        self.address_combo.blockSignals(True)
        self.address_combo.clear()
        if customer is not None:
            for a in customer.addresses:
                self.address_combo.addItem(
                    f"{a['label']}: 〒{format_postal_code(a['postal_code'])} {a['prefecture']}{a['city']}{a['line1']}",
                    a["id"],
                )
        self.address_combo.addItem(self.tr("New address"), NEW_ADDRESS)
        self.address_combo.blockSignals(False)
        if customer is None:
            self._fill(None)
            return
        self.recipient.setText(customer.name)
        self.phone.setText(phone_display(customer.phone))
        self.address_combo.setCurrentIndex(0)
        self._address_chosen(0)

    def show_draft(self, draft) -> None:
        """An order draft's own recipient and address (an order taken back into the form)."""
        self.address_combo.setCurrentIndex(self.address_combo.findData(NEW_ADDRESS))
        self._fill({"postal_code": draft.postal_code, "prefecture": draft.prefecture, "city": draft.city,
                    "line1": draft.line1, "line2": draft.line2})
        self.recipient.setText(draft.recipient)
        self.phone.setText(draft.phone)

    def _address_chosen(self, index: int) -> None:
        address_id = self.address_combo.itemData(index)
        if self._customer is None or address_id in (None, NEW_ADDRESS):
            self._fill(None)
            return
        for a in self._customer.addresses:
            if a["id"] == address_id:
                self._fill(a)

    def _fill(self, a: dict | None) -> None:
        a = a or {}
        self.postal_code.setText(format_postal_code(a.get("postal_code", "")))
        self.prefecture.setCurrentIndex(max(self.prefecture.findData(a.get("prefecture", "")), 0))
        self.city.setText(a.get("city", ""))
        self.line1.setText(a.get("line1", ""))
        self.line2.setText(a.get("line2", ""))

    def _postal_finished(self) -> None:
        if normalize_postal_code(self.postal_code.text()) is not None:
            self.lookup_postal_code()

    def lookup_postal_code(self) -> None:
        """Japanese postal code -> prefecture and city filled in; a bad code is said on the field."""
        text = self.postal_code.text()
        run_query(lambda: lookup(text), on_success=self._postal_found,
                  on_failure=lambda exc: self._postal_failed(text, exc), key=f"postal-{id(self)}", owner=self)

    def _postal_found(self, found: PostalAddress) -> None:
        self.fields.set("postal_code", None)
        self.postal_code.setText(format_postal_code(found.postal_code))
        self.prefecture.setCurrentIndex(max(self.prefecture.findData(found.prefecture), 0))
        self.city.setText(found.city + found.town)
        self.line1.setFocus()

    def _postal_failed(self, text: str, exc: BaseException) -> None:
        if isinstance(exc, PostalCodeError):
            self.fields.set("postal_code", postal_code_problem(text))
        else:
            self.fields.set("postal_code", lambda: self.tr("Cannot look the address up: enter the prefecture and city by hand"))
