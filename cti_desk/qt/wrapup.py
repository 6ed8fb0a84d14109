"""Wrap-up: notes and a disposition for the call, edited in its draft (journaled by the
WrapUpKeeper) until the store has it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from cti_desk.qt.history_labels import channel_label, disposition_label
from cti_desk.qt.icons import icon
from cti_desk.services.history import InquiryRow
from cti_desk.services.wrapup_record import DISPOSITIONS, MAX_NOTES, WrapUp


class WrapUpPanel(QWidget):
    """Edits one call's WrapUp draft in place: typing never loses notes."""

    saveRequested = Signal(object)  # the WrapUp draft
    discardRequested = Signal(object)  # the WrapUp draft: the operator wants its changes gone
    edited = Signal(object)  # the WrapUp draft, after the operator changed it

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("wrapUp")
        self.draft: WrapUp | None = None
        self.heading = QLabel()
        self.heading.setObjectName("wrapUpHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.state = QLabel()
        self.state.setObjectName("wrapUpState")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("wrapUpNotes")
        self.notes.textChanged.connect(self._notes_changed)
        self.disposition = QComboBox()
        self.disposition.setObjectName("wrapUpDisposition")
        self.disposition.currentIndexChanged.connect(self._disposition_changed)
        self.continue_box = QCheckBox()
        self.continue_box.setObjectName("wrapUpContinue")
        self.continue_box.toggled.connect(self._continue_toggled)
        # Its row stays when hidden: a pop that offers (or stops offering) an open inquiry
        # then repaints the box, not the whole window after the splitters moved (~13 ms).
        policy = self.continue_box.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.continue_box.setSizePolicy(policy)
        self.save = QPushButton(icon("save"), "")
        self.save.setObjectName("wrapUpSave")
        self.save.clicked.connect(self._save)
        self.discard = QPushButton()
        self.discard.setObjectName("wrapUpDiscard")
        self.discard.clicked.connect(self._discard)
        self._open_inquiry: InquiryRow | None = None
        # Whether a draft's save waits for the store (the WrapUpKeeper knows).
        self.waiting_for_store: Callable[[WrapUp], bool] = lambda _w: False
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading, 0, 0)
        layout.addWidget(self.state, 0, 1)
        layout.addWidget(self.notes, 1, 0, 5, 1)
        layout.addWidget(self.disposition, 1, 1)
        layout.addWidget(self.continue_box, 2, 1)
        layout.addWidget(self.save, 3, 1)
        layout.addWidget(self.discard, 4, 1)
        layout.setColumnStretch(0, 1)
        layout.setRowStretch(5, 1)
        self.retranslate()
        self.edit(None)

    def edit(self, draft: WrapUp | None, open_inquiry: InquiryRow | None = None) -> None:
        """Show (and from now on edit) this call's draft."""
        self.draft = None  # no write-back while loading
        self.notes.setPlainText(draft.notes if draft else "")
        idx = self.disposition.findData(draft.disposition) if draft and draft.disposition else 0
        self.disposition.setCurrentIndex(max(idx, 0))
        self.set_open_inquiry(open_inquiry, draft)
        self.draft = draft
        for w in (self.notes, self.disposition, self.save):
            w.setEnabled(draft is not None)
        self._heading()
        self.refresh_state()

    def set_open_inquiry(self, row: InquiryRow | None, draft: WrapUp | None = None) -> None:
        """Offer to continue the caller's open inquiry: offered, never pre-checked."""
        draft = draft or self.draft
        self._open_inquiry = row
        self.continue_box.blockSignals(True)
        self.continue_box.setVisible(row is not None)
        if row is not None:
            # Named with its channel: a LINE message's thread is continued by this call too.
            self.continue_box.setText(self.tr("Continue open inquiry ({channel}): {subject}").format(
                channel=channel_label(row.channel), subject=" ".join((row.subject or row.notes).split())[:40]))
            self.continue_box.setChecked(draft is not None and draft.continue_inquiry_id == row.id)
        else:
            self.continue_box.setChecked(False)
        self.continue_box.blockSignals(False)

    def refresh_state(self) -> None:
        """Whether the store has what is on screen, and what may be discarded."""
        d = self.draft
        if d is None or not (d.has_content or d.saved_version is not None):
            text = ""
        elif not d.unsaved:
            text = self.tr("Saved")
        elif self.waiting_for_store(d):
            text = self.tr("Waiting for the store: saved by itself as soon as it answers (kept on this computer)")
        elif d.saved_version is None:
            text = self.tr("Draft: kept on this computer until saved")
        else:
            text = self.tr("Changed since the last save: kept on this computer until saved")
        self.state.setText(text)
        self.discard.setEnabled(d is not None and d.unsaved)

    def _heading(self) -> None:
        if self.draft is None:
            self.heading.setText(self.tr("Wrap-up: no call"))
        else:
            self.heading.setText(self.tr("Wrap-up for call {call}").format(call=self.draft.call_id or "—"))

    def _changed(self) -> None:
        assert self.draft is not None
        self.draft.touch()
        self.refresh_state()
        self.edited.emit(self.draft)

    def _notes_changed(self) -> None:
        if self.draft is not None:
            text = self.notes.toPlainText()[:MAX_NOTES]
            if text != self.draft.notes:
                self.draft.notes = text
                self._changed()

    def _disposition_changed(self, _n: int) -> None:
        if self.draft is not None:
            self.draft.disposition = self.disposition.currentData() or ""
            self._changed()

    def _continue_toggled(self, on: bool) -> None:
        if self.draft is not None:
            self.draft.continue_inquiry_id = self._open_inquiry.id if on and self._open_inquiry else None
            self._changed()

    def _save(self) -> None:
        if self.draft is None:
            return
        if not self.draft.disposition:
            self.disposition.setFocus()
            self.disposition.showPopup()
            return
        self.saveRequested.emit(self.draft)

    def save_now(self) -> None:
        self._save()

    def _discard(self) -> None:
        if self.draft is not None and self.draft.unsaved:
            self.discardRequested.emit(self.draft)

    def retranslate(self) -> None:
        current = self.disposition.currentData()
        self.disposition.blockSignals(True)
        self.disposition.clear()
        self.disposition.addItem(self.tr("— disposition —"), "")
        for code in DISPOSITIONS:
            self.disposition.addItem(disposition_label(code), code)
        self.disposition.setCurrentIndex(max(self.disposition.findData(current), 0))
        self.disposition.blockSignals(False)
        self.notes.setPlaceholderText(self.tr("Notes for this call (kept until saved)"))
        self.save.setText(self.tr("Save wrap-up"))
        self.save.setToolTip(self.tr("Save notes and disposition (Ctrl+Enter)"))
        self.discard.setText(self.tr("Discard…"))
        self.discard.setToolTip(self.tr("Throw away what was typed since the last save (asks first)"))
        if self._open_inquiry is not None:
            self.set_open_inquiry(self._open_inquiry)
        self._heading()
        self.refresh_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
