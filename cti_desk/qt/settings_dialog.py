"""Call > Settings… (and the demo's "Connect to your PBX…"): everything a desk needs, saved
to `cti-desk.toml` (settings/toml_file.py); the AMI secret and the webhook token go to
the OS keyring only (services/settings_form.py). "Test" opens the store and "Test
connection" logs in to the PBX on a worker, and say what they found on the field. A bad
value is a message under its field, never a crash. The store and call source are taken
at the next start (said after Save)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cti_desk.qt.settings_messages import field_message
from cti_desk.qt.tasks import run_query
from cti_desk.services import settings_form as rules
from cti_desk.services.diagnostics import CheckResult, why
from cti_desk.settings import schema
from cti_desk.settings.toml_file import DeskFile

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
# The dialog's field (object name) of each settings key.
FIELD_OF = {"store.url": "storeUrl", "source.agent": "agent", "source.pop_on_answer": "popOnAnswer",
            "oms.url": "omsUrl", "ui.language": "language", "seat.role": "role", "kiosk.shop": "kioskShop",
            "kiosk.idle_timeout": "kioskIdleTimeout", "source.url": "sourceKind"}


def _edit(name: str, secret: bool = False) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(2000)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _spin(name: str, low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    return spin


class SettingsDialog(QDialog):
    def __init__(self, desk: DeskFile, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.desk = desk
        self.errors: dict[str, QLabel] = {}
        self.store_url = _edit("storeUrl")
        self.store_test = QPushButton(objectName="storeTest")
        self.store_result = self._result("storeResult")
        self.kind = QComboBox(objectName="sourceKind")
        for kind in rules.KINDS:
            self.kind.addItem("", kind)
        self.ami_host, self.ami_user = _edit("amiHost"), _edit("amiUser")
        self.ami_port = _spin("amiPort", 1, 65535)
        self.ami_md5 = QCheckBox(objectName="amiMd5")
        self.ami_secret = _edit("amiSecret", secret=True)
        self.webhook_host = _edit("webhookHost")
        self.webhook_port = _spin("webhookPort", 1, 65535)
        self.webhook_token = _edit("webhookToken", secret=True)
        self.source_test = QPushButton(objectName="sourceTest")
        self.source_result = self._result("sourceResult")
        self.agent, self.pop_on_answer, self.oms_url = _edit("agent"), _edit("popOnAnswer"), _edit("omsUrl")
        self.language = QComboBox(objectName="language")
        for code in ("", *schema.LANGUAGES):
            self.language.addItem("", code)
        self.role = QComboBox(objectName="role")
        for role in schema.ROLES:
            self.role.addItem("", role)
        self.kiosk_shop = _edit("kioskShop")
        self.kiosk_idle = _spin("kioskIdleTimeout", *schema.IDLE_TIMEOUT_RANGE)
        self.save_button = QPushButton(objectName="saveButton")
        self.close_button = QPushButton(objectName="closeButton")
        self.note = self._result("settingsNote")
        self._layout()
        self._load()
        self.store_test.clicked.connect(self.test_store)
        self.source_test.clicked.connect(self.test_source)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.retranslate()
        self.resize(640, 720)

    # -- building -----------------------------------------------------------------------
    def _result(self, name: str) -> QLabel:
        label = QLabel(objectName=name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.hide()
        return label

    def _field(self, widget: QWidget, *extra: QWidget) -> QWidget:
        """The widget with its error label under it (shown only with a message)."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(widget, 1)
        for w in extra:
            row.addWidget(w)
        column.addLayout(row)
        error = self._result(f"{widget.objectName()}Error")
        error.setStyleSheet(ERROR_STYLE)
        self.errors[widget.objectName()] = error
        column.addWidget(error)
        return box

    def _layout(self) -> None:
        self.form = QFormLayout()
        self.rows: dict[str, QLabel] = {}

        def row(key: str, widget: QWidget, form: QFormLayout | None = None) -> None:
            label = QLabel()
            self.rows[key] = label
            (form or self.form).addRow(label, widget)

        row("store", self._field(self.store_url, self.store_test))
        self.form.addRow("", self.store_result)
        row("source", self._field(self.kind))
        self.pages = QStackedWidget()
        ami, webhook = QWidget(), QWidget()
        ami_form, webhook_form = QFormLayout(ami), QFormLayout(webhook)
        row("amiHost", self._field(self.ami_host), ami_form)
        row("amiPort", self._field(self.ami_port), ami_form)
        row("amiUser", self._field(self.ami_user), ami_form)
        ami_form.addRow("", self.ami_md5)
        row("amiSecret", self._field(self.ami_secret), ami_form)
        row("webhookHost", self._field(self.webhook_host), webhook_form)
        row("webhookPort", self._field(self.webhook_port), webhook_form)
        row("webhookToken", self._field(self.webhook_token), webhook_form)
        for page in (ami, webhook, QWidget(), QWidget()):  # the order of rules.KINDS
            self.pages.addWidget(page)
        self.form.addRow(self.pages)
        self.form.addRow(self.source_test, self.source_result)
        row("agent", self._field(self.agent))
        row("popOnAnswer", self._field(self.pop_on_answer))
        row("omsUrl", self._field(self.oms_url))
        row("language", self._field(self.language))
        row("role", self._field(self.role))
        row("kioskShop", self._field(self.kiosk_shop))
        row("kioskIdleTimeout", self._field(self.kiosk_idle))
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(self.form)
        column.addStretch(1)  # room left over goes under the fields, not into the source's
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        labels = {
            "store": translate("SettingsDialog", "Store URL"),
            "source": translate("SettingsDialog", "Call source"),
            "amiHost": translate("SettingsDialog", "PBX host"),
            "amiPort": translate("SettingsDialog", "AMI port"),
            "amiUser": translate("SettingsDialog", "AMI user"),
            "amiSecret": translate("SettingsDialog", "AMI secret"),
            "webhookHost": translate("SettingsDialog", "Listen on address"),
            "webhookPort": translate("SettingsDialog", "Listen on port"),
            "webhookToken": translate("SettingsDialog", "Webhook token"),
            "agent": translate("SettingsDialog", "This seat's phone (agent interface)"),
            "popOnAnswer": translate("SettingsDialog", "Pop on answer for queues"),
            "omsUrl": translate("SettingsDialog", "OMS URL"),
            "language": translate("SettingsDialog", "Language"),
            "role": translate("SettingsDialog", "Role"),
            "kioskShop": translate("SettingsDialog", "Kiosk shop code"),
            "kioskIdleTimeout": translate("SettingsDialog", "Kiosk idle timeout (s)"),
        }
        for key, label in self.rows.items():
            label.setText(labels[key])
        kinds = (translate("SettingsDialog", "Asterisk (AMI)"), translate("SettingsDialog", "Cloud PBX (webhook)"),
                 translate("SettingsDialog", "Simulator (demo calls)"),
                 translate("SettingsDialog", "Relay (through the PostgreSQL store)"))
        for i, text in enumerate(kinds):  # the order of rules.KINDS
            self.kind.setItemText(i, text)
        for i, text in enumerate((translate("SettingsDialog", "As the system"), "English", "日本語")):
            self.language.setItemText(i, text)
        roles = (translate("SettingsDialog", "Operator"), translate("SettingsDialog", "Supervisor"), translate("SettingsDialog", "Kiosk"))
        for i, text in enumerate(roles):
            self.role.setItemText(i, text)
        self.ami_md5.setText(translate("SettingsDialog", "Challenge/MD5 login (the secret is not sent)"))
        self.ami_secret.setPlaceholderText(translate("SettingsDialog", "saved in the OS keyring; empty keeps the saved one"))
        self.webhook_token.setPlaceholderText(translate("SettingsDialog", "saved in the OS keyring; empty for none"))
        self.store_url.setPlaceholderText("sqlite:///… / postgresql+psycopg://USER@HOST:PORT/DB")
        self.agent.setPlaceholderText("PJSIP/2001")
        self.pop_on_answer.setPlaceholderText("support, vip")
        self.store_test.setText(translate("SettingsDialog", "Test"))
        self.source_test.setText(translate("SettingsDialog", "Test connection"))
        self.save_button.setText(translate("SettingsDialog", "Save"))
        self.close_button.setText(translate("SettingsDialog", "Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _load(self) -> None:
        d = self.desk
        self.store_url.setText(d.get("store.url", ""))
        form = rules.form_from_url(d.get("source.url"))
        self.kind.setCurrentIndex(rules.KINDS.index(form.kind))
        self.ami_host.setText(form.host)
        self.ami_port.setValue(form.port)
        self.ami_user.setText(form.user)
        self.ami_md5.setChecked(form.md5)
        self.webhook_host.setText(form.webhook_host)
        self.webhook_port.setValue(form.webhook_port)
        self.token_in_keyring = form.token_in_keyring
        self.agent.setText(d.get("source.agent", ""))
        self.pop_on_answer.setText(", ".join(d.get("source.pop_on_answer", [])))
        self.oms_url.setText(d.get("oms.url", ""))
        self.language.setCurrentIndex(max(0, self.language.findData(d.get("ui.language", ""))))
        self.role.setCurrentIndex(max(0, self.role.findData(d.get("seat.role", "operator"))))
        self.kiosk_shop.setText(d.get("kiosk.shop", ""))
        self.kiosk_idle.setValue(d.get("kiosk.idle_timeout", 60))
        self._kind_changed()

    def _kind_changed(self) -> None:
        current = self.kind.currentIndex()
        self.pages.setCurrentIndex(current)
        # Only the chosen source's fields take room: a stack is as tall as its tallest page,
        # which left an empty AMI-sized gap under the simulator.
        for i in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if i == current else QSizePolicy.Policy.Ignored
            self.pages.widget(i).setSizePolicy(policy, policy)
        self.pages.adjustSize()
        self.source_result.hide()

    def connect_to_pbx(self) -> None:
        """Opened by "Connect to your PBX…": a demo desk's simulator swapped for Asterisk's
        fields (nothing is saved until Save), the host field ready for typing."""
        if rules.KINDS[self.kind.currentIndex()] == "sim":
            self.kind.setCurrentIndex(rules.KINDS.index("ami"))
        self.ami_host.setFocus()

    # -- what the fields say --------------------------------------------------------------
    def source_form(self) -> rules.SourceForm:
        return rules.SourceForm(
            kind=self.kind.currentData(), host=self.ami_host.text(), port=self.ami_port.value(),
            user=self.ami_user.text(), md5=self.ami_md5.isChecked(), secret=self.ami_secret.text(),
            webhook_host=self.webhook_host.text(), webhook_port=self.webhook_port.value(),
            token=self.webhook_token.text(), token_in_keyring=self.token_in_keyring)

    def show_error(self, field: str, message: str | None) -> None:
        label = self.errors[field]
        label.setText(field_message(message) if message else "")
        label.setVisible(bool(message))

    def _clear_errors(self) -> None:
        for field in self.errors:
            self.show_error(field, None)

    def _show_result(self, label: QLabel, result: CheckResult) -> None:
        word = translate("SettingsDialog", "ok") if result.ok else translate("SettingsDialog", "FAILED")
        label.setText(f"{word}: {result.detail}")
        label.setStyleSheet(OK_STYLE if result.ok else ERROR_STYLE)
        label.show()

    # -- the tests, on a worker -----------------------------------------------------------
    def test_store(self) -> None:
        url = self.store_url.text().strip()
        self.show_error("storeUrl", None)
        if not url:
            self.show_error("storeUrl", translate("SettingsDialog", "Enter a store URL to test it."))
            return
        self.store_test.setEnabled(False)
        self.store_result.setText(translate("SettingsDialog", "Opening the store…"))
        self.store_result.setStyleSheet("")
        self.store_result.show()
        run_query(lambda: rules.test_store(url), self._store_tested, self._store_test_failed,
                  key="settings-store-test", owner=self)

    def _store_tested(self, result: CheckResult) -> None:
        self.store_test.setEnabled(True)
        self._show_result(self.store_result, result)

    def _store_test_failed(self, exc: BaseException) -> None:
        self._store_tested(CheckResult("store", False, why(exc)))

    def test_source(self) -> None:
        self._clear_errors()
        try:
            form = self.source_form()
            rules.saved_url(form)
        except rules.FieldProblem as exc:
            self.show_error(exc.field, str(exc))
            return
        db_url = self.store_url.text().strip() or self.desk_db_url
        self.source_test.setEnabled(False)
        self.source_result.setText(translate("SettingsDialog", "Connecting…"))
        self.source_result.setStyleSheet("")
        self.source_result.show()
        run_query(lambda: rules.test_source(form, db_url), self._source_tested, self._source_test_failed,
                  key="settings-source-test", owner=self)

    desk_db_url = ""  # the store the window uses (a relay's heartbeat is read there)

    def _source_tested(self, result: CheckResult) -> None:
        self.source_test.setEnabled(True)
        self._show_result(self.source_result, result)
        if not result.ok and self.kind.currentData() == "ami":
            field = "amiSecret" if "authentication" in result.detail else "amiHost"
            self.show_error(field, result.detail)

    def _source_test_failed(self, exc: BaseException) -> None:
        self._source_tested(CheckResult("call source", False, why(exc)))

    # -- saving ---------------------------------------------------------------------------
    def values(self) -> dict[str, object]:
        queues = [q.strip() for q in self.pop_on_answer.text().split(",") if q.strip()]
        return {
            "store.url": self.store_url.text().strip() or None,
            "source.agent": self.agent.text().strip() or None,
            "source.pop_on_answer": queues or None,
            "oms.url": self.oms_url.text().strip() or None,
            "ui.language": self.language.currentData() or None,
            "seat.role": self.role.currentData(),
            "kiosk.shop": self.kiosk_shop.text().strip() or None,
            "kiosk.idle_timeout": self.kiosk_idle.value() if self.kiosk_idle.value() != 60
            or "kiosk.idle_timeout" in self.desk.values else None,
        }

    def save(self) -> bool:
        """Every field checked first; the file and the keyring written only when all are fine."""
        self._clear_errors()
        problems: dict[str, str] = {}
        checked: dict[str, object] = {}
        for name, value in self.values().items():
            try:
                checked[name] = None if value is None else schema.BY_NAME[name].check(value)
            except ValueError as exc:
                problems[FIELD_OF[name]] = str(exc)
        form = self.source_form()
        try:
            checked["source.url"] = rules.saved_url(form)
        except rules.FieldProblem as exc:
            problems[exc.field] = str(exc)
        if not problems:
            try:
                written = rules.save_secrets(form)
            except rules.FieldProblem as exc:
                problems[exc.field] = str(exc)
        for field, message in problems.items():
            self.show_error(field, message)
        if problems:
            self.note.setText(translate("SettingsDialog", "Not saved: see the messages under the fields."))
            self.note.setStyleSheet(ERROR_STYLE)
            self.note.show()
            return False
        for name, value in checked.items():
            self.desk.set(name, value)
        self.desk.save()
        self.ami_secret.clear()
        self.webhook_token.clear()
        self.token_in_keyring = form.kind == "webhook" and "token=keyring" in str(checked["source.url"])
        log.info("settings saved to %s (keyring entries: %s)", self.desk.path, ", ".join(written) or "none")
        self.note.setText(translate("SettingsDialog", "Saved to {path}. Restart cti-desk to use a new store or "
                                    "call source.").format(path=self.desk.path))
        self.note.setStyleSheet(OK_STYLE)
        self.note.show()
        return True
