"""`cti-desk` without a subcommand: the operator window, read top to bottom.

QApplication -> settings (cti-desk.toml, app/desk_setup.py) and language -> store
(a desk-local SQLite schema upgraded in the background; a shared PostgreSQL one only
checked) -> window -> demo data into the demo's own store on a first run -> call
source on its own thread -> event loop.

The operator window is staged (issue 16): its shell paints from Qt alone, with the --db
URL checked but SQLAlchemy not loaded; the store, the panels and the menus that need
them are made right after that paint (open_desk), then the steps above.
"""

from __future__ import annotations

import gc
import logging
import signal
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6 import QtCore  # Qt's enums read where used: the first read costs ~30 ms (issue 16)
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from cti_desk.domain.redact import mask_urls
from cti_desk.domain.store_url import StoreError, store_backend
from cti_desk.domain.text import bounded
from cti_desk.qt import i18n, tasks
from cti_desk.qt.desk_state import state_file
from cti_desk.qt.first_paint import after_first_paint
from cti_desk.qt.icons import app_icon
from cti_desk.qt.main_window import MainWindow
from cti_desk.settings.paths import config_dir

# Only light modules above: the operator window paints before the database layer loads.
if TYPE_CHECKING:
    from cti_desk.services.outbox import OutboxDispatcher
    from cti_desk.store.db import Store

log = logging.getLogger("cti_desk.gui")

DEMO_CUSTOMERS = 2000


class _Progress(QObject):
    """Carries (stage, done, total) from a worker thread to the progress dialog."""

    step = Signal(str, int, int)


def _prepare_store(store: Store) -> tuple[str | None, str | None, bool]:
    """On a worker: a desk-local schema brought up to date, a shared one only checked
    (services/desk_store.py); say whether the store is empty."""
    from cti_desk.services.desk_store import prepare_desk_store

    before, after = prepare_desk_store(store)
    from sqlalchemy import select

    from cti_desk.store.models import Customer

    with store.session() as s:
        empty = s.scalar(select(Customer.id).limit(1)) is None
    return before, after, empty


def _make_source(config, store: Store):
    from cti_desk.services.screenpop import sample_caller_numbers
    from cti_desk.telephony.sources import open_source

    def caller_numbers(n: int):  # the simulator calls this on the source's own thread
        with store.session() as session:
            return sample_caller_numbers(session, n, config.seed)

    return open_source(config, caller_numbers=caller_numbers, store_url=store.url)


class Startup:
    """The steps after the window is up, each in the background."""

    def __init__(self, app: QApplication, window: MainWindow, store: Store, args, db_url: str,
                 source_config=None, outbox: OutboxDispatcher | None = None, demo: bool = False) -> None:
        self.app, self.window, self.store, self.args, self.db_url = app, window, store, args, db_url
        self.demo = demo  # the first run's own demo store: the only one demo data goes into
        self.source_config = source_config
        self.outbox = outbox
        self.dialog: QProgressDialog | None = None
        self.progress = _Progress()

    def status(self, text: str, ms: int = 0) -> None:
        log.info("%s", text)
        self.window.statusBar().showMessage(text, ms)

    def begin(self) -> None:
        self.status(QCoreApplication.translate("Startup", "Opening the store…"))
        tasks.run_query(lambda: _prepare_store(self.store), self._prepared, self._failed)

    def _prepared(self, result) -> None:
        before, after, empty = result
        if after is not None:
            self.status(QCoreApplication.translate("Startup", "Store schema upgraded from {before} to {after}").format(
                before=before or "empty", after=after), 10000)
        else:
            self.window.statusBar().clearMessage()
        if self.outbox is not None:  # the schema is there: this seat sends the store's orders
            self.outbox.start()
            log.info("sending delivery orders to the OMS")
        self._check_agent()
        ready = getattr(self.window, "store_ready", None)
        if callable(ready):  # the supervisor's KPIs wait for the schema
            ready()
        if empty and self.demo:
            self._seed()
        else:
            self._start_calls()

    def _check_agent(self) -> None:
        """A --agent the call log never saw is likely mistyped: say so (stderr), not refuse."""
        agent = getattr(self.args, "agent", None)
        if agent:
            from cti_desk.services.seat import unseen_agent_warning

            tasks.run_query(lambda: unseen_agent_warning(self.store, agent),
                            lambda warning: warning and log.warning("warning: %s", warning),
                            lambda exc: log.debug("agent check skipped: %s", exc), owner=self.window)

    def _seed(self) -> None:
        try:
            from cti_desk.services.demo_data import generate
        except ImportError:
            self._start_calls()
            return
        self.dialog = QProgressDialog(QCoreApplication.translate("Startup", "Creating demo data…"), "", 0, 100, self.window)
        self.dialog.setObjectName("demoDataProgress")
        self.dialog.setCancelButton(None)
        self.dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.progress.step.connect(self._step)
        step = self.progress.step
        store = self.store
        tasks.run_query(
            lambda: generate(store, customers=DEMO_CUSTOMERS, seed=1,
                             progress=step.emit),
            self._seeded,
            self._failed,
        )

    def _step(self, stage: str, done: int, total: int) -> None:
        if self.dialog is not None and total > 0:
            self.dialog.setLabelText(QCoreApplication.translate("Startup", "Creating demo data: {stage}").format(stage=stage))
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _seeded(self, counts) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        summary = ", ".join(f"{v:,} {k}" for k, v in dict(counts or {}).items())
        self.status(QCoreApplication.translate("Startup", "Demo data created: {summary}").format(summary=summary), 10000)
        self._start_calls()

    def _start_calls(self) -> None:
        # Start-up is over (window painted, store open, its modules loaded): its objects
        # frozen out of the collector's sight, so no full collection stalls the first pops.
        tasks.settle_memory()
        config = self.source_config
        if config is None:
            self.window.set_source_note(QCoreApplication.translate("Startup", "No call source (--source)"))
            return
        try:
            source = _make_source(config, self.store)
        except Exception as exc:  # a source that cannot be built: said in the status bar
            self._failed(exc)
            return
        from cti_desk.qt.call_bridge import CallBridge

        bridge = CallBridge(source, self.window.agent, self.window)
        self.window.set_bridge(bridge)
        self.window.health.link.follow(bridge)  # the link's state, always in view
        if config.kind == "relay":  # a banner while no relay publishes the calls
            from cti_desk.qt.relay_banner import attach_relay_banner

            self.window.relay_watch = attach_relay_banner(self.window, source)
        bridge.start()
        self.window.set_source_note(QCoreApplication.translate("Startup", "Calls from {source}").format(source=config.display()))
        log.info("taking calls from %s", config.display())

    def _failed(self, exc: BaseException) -> None:
        if self.dialog is not None:
            self.dialog.close()
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        self.status(QCoreApplication.translate("Startup", "Error: {message}").format(message=text))
        if isinstance(exc, StoreError):
            # A store this cti-desk must not touch (a newer schema, tables of something
            # else): nothing was changed and no call is taken; say it where it is seen.
            self.refusal = refuse_store(self.window, text)


def refuse_store(window, text: str) -> QMessageBox:
    """Say in the window that its store cannot be opened (and was left as it was)."""
    box = QMessageBox(QMessageBox.Icon.Critical, "cti-desk", QCoreApplication.translate(
        "Startup", "This store cannot be opened, and nothing in it was changed:\n{message}").format(
            message=text), QMessageBox.StandardButton.Ok, window)
    box.setObjectName("storeRefused")
    box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    box.open()
    window.refusal = box  # a runtime error: exit 1 once the window is closed
    return box


def _display_ok() -> bool:
    """Without a screen Qt aborts with a page of plugin help: say it in one line instead."""
    from cti_desk.app.display import display_problem

    problem = display_problem()
    if problem:
        print(f"cti-desk: {problem}", file=sys.stderr)
    return problem is None


def _seat_operator(args, settings) -> str:
    """The one operator name on every record (rules in settings/operator.py)."""
    from cti_desk.settings import operator

    return operator.resolve_operator(
        getattr(args, "operator", None), getattr(args, "agent", None),
        operator.agent_map(settings.value(operator.SETTINGS_AGENTS)),
        settings.value(operator.SETTINGS_NAME, "", str) or None,
    )


def _seat(role: str, args, settings, operator: str):
    """Who works here, in which role, at which desk (settings [seat] desk=, else the host
    name): the window's reads are checked against the role, and the person and desk are on
    every audit row this process writes. A kiosk's person is its shop (kiosk:CODE)."""
    from cti_desk.domain.roles import Role
    from cti_desk.services.access import SETTINGS_DESK, Seat, use_desk

    desk = use_desk(settings.value(SETTINGS_DESK, "", str) or None)
    if role == "kiosk":
        from cti_desk.services.kiosk import actor

        return Seat(actor(args.kiosk.shop), Role.KIOSK, desk)
    return Seat(operator, Role.SUPERVISOR if role == "supervisor" else Role.OPERATOR, desk)


def _role_window(role: str, args, store: Store | None, settings, operator: str, oms_url=None, outbox=None,
                 seat=None):
    """The window of the seat's role; pyqtgraph is loaded only for the supervisor's. The
    operator's without a store is staged (open_desk gives it one after the first paint)."""
    seat = seat or _seat(role, args, settings, operator)
    if role == "supervisor":
        from cti_desk.qt.supervisor.window import SupervisorWindow

        return SupervisorWindow(store, settings, seat=seat)
    if role == "kiosk":  # run_gui checked its shop and PIN: args.kiosk is a KioskStart
        from cti_desk.qt.kiosk import KioskWindow

        if not settings.value("language", "", str):  # Japanese first, unless the seat chose
            i18n.install_language("ja")
        return KioskWindow(store, args.kiosk.shop, args.kiosk.idle_timeout_s, settings)
    window = MainWindow(store, operator, getattr(args, "agent", None), settings, oms_url=oms_url,
                        pop_on_answer=getattr(args, "pop_on_answer", None) or (), outbox=outbox, seat=seat,
                        staged=store is None)
    if role != "operator":
        window.set_role_note(QCoreApplication.translate("Startup", "The {role} view is not built yet: showing the operator window.").format(role=role))
    return window


@dataclass
class _Desk:
    """What run_gui opens (a staged window's after its first paint) and closes at the end."""

    store: Store | None
    outbox: OutboxDispatcher | None = None
    startup: Startup | None = None


def _outbox(store: Store, args) -> OutboxDispatcher | None:
    """Every seat writes its orders to the store's outbox; which process sends them is
    configuration: this one, with --oms-url (started once the store is ready)."""
    oms_url = getattr(args, "oms_url", None)
    if not oms_url:
        return None
    from cti_desk.services.outbox import OutboxDispatcher

    return OutboxDispatcher(store, oms_url)


def _install_menus(window, role: str, args, db_url: str, store: Store, setup, demo: bool) -> None:
    if role == "kiosk":
        return
    # Help > Diagnostics… and About: what `cti-desk check` tries.
    from cti_desk.app.check import desk_targets
    from cti_desk.qt.help_menu import install_help_menu
    from cti_desk.qt.settings_menu import install_settings

    install_help_menu(window, desk_targets(args, db_url), store)
    install_settings(window, setup.file, demo=demo, db_url=db_url)


def _finish_operator_window(window: MainWindow, desk: _Desk, role: str, args, db_url: str, setup,
                            demo: bool, seat) -> bool:
    """The staged window's store, panels and menus; False (said in the window, logged)
    when they cannot be made: the shell stays, with the reason, and no calls are taken."""
    try:
        from cti_desk.store.db import Store

        desk.store = Store(db_url)
        desk.outbox = _outbox(desk.store, args)
        window.finish(desk.store, oms_url=getattr(args, "oms_url", None), outbox=desk.outbox, seat=seat)
        _install_menus(window, role, args, db_url, desk.store, setup, demo)
    except Exception as exc:  # every late failure is shown, none swallowed
        text = bounded(mask_urls(str(exc).splitlines()[0] if str(exc) else type(exc).__name__), 300)
        log.error("the desk could not be opened: %s", text, exc_info=log.isEnabledFor(logging.DEBUG))
        window.statusBar().showMessage(QCoreApplication.translate("Startup", "Error: {message}").format(message=text))
        refuse_store(window, text)
        return False
    return True


def run_gui(args, db_url: str) -> int:
    from cti_desk.app.desk_setup import apply_desk_setup

    # The command line, environment and settings file, resolved (the demo on a first run);
    # the options the command line left empty are filled from them.
    setup = apply_desk_setup(args)
    demo = setup.demo and db_url == setup.db_url  # demo data only ever into the demo's own file
    source_config = None
    if args.source:
        from cti_desk.telephony.sources import parse_source

        source_config = parse_source(args.source)  # malformed -> exit 2, before any window
        if source_config.kind == "relay":  # the relay's events are in PostgreSQL: else exit 2
            from cti_desk.telephony.relay_wire import connect_args

            connect_args(db_url, "cti-desk seat")
    if QApplication.instance() is None and not _display_ok():
        return 1
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("cti-desk")
    app.setOrganizationName("cti-desk")
    app.setDesktopFileName("cti-desk")
    app.setWindowIcon(app_icon())
    settings = state_file(config_dir(), setup.file)  # window state; settings keys from the TOML
    i18n.install_language(i18n.choose_language(settings))
    role = setup.role

    staged = role not in ("supervisor", "kiosk")  # the operator's window: shell first
    if staged:
        store_backend(db_url)  # a malformed URL: exit 2 before any window (SQLAlchemy not loaded)
        store = None
    else:
        from cti_desk.store.db import Store

        store = Store(db_url)  # a malformed URL fails here: exit 2 before any window
    if role == "kiosk":  # its shop and a staff PIN to leave it, or one line and no window
        from cti_desk.app.kiosk import kiosk_start, refused

        args.kiosk = kiosk_start(args, settings.value, store)
        if isinstance(args.kiosk, tuple):
            store.dispose()
            return refused(args.kiosk)
    operator = _seat_operator(args, settings)  # bad settings: exit 2, before any window
    if args.role:  # remembered once it can start (a refused kiosk is not)
        settings.setValue("role", role)
    if source_config is not None:
        from cti_desk.telephony.sources import with_outside_line

        # The settings file's outside-line digit, where the source URL names none.
        source_config = with_outside_line(source_config, settings.value("outside_line", "", str))
    if role == "kiosk":
        source_config = None  # a shop's kiosk takes no calls
    seat = _seat(role, args, settings, operator)
    window = _role_window(role, args, store, settings, operator, seat=seat)
    desk = _Desk(store)
    if not staged:
        desk.outbox = _outbox(store, args)
        _install_menus(window, role, args, db_url, store, setup, demo)
    outside_line = source_config.outside_line if source_config is not None else None
    window.outside_line = outside_line
    window.show()
    # SIGINT/SIGTERM close the window like the user would (settings and drafts kept).
    # Python only runs signal handlers when it gets control: a timer gives it some.
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in handlers:
        signal.signal(sig, lambda *_: getattr(window, "shut_down", window.close)())  # the kiosk refuses close()
    wake = QTimer(window)
    wake.timeout.connect(lambda: None)
    wake.start(300)

    def open_desk() -> None:
        """After the first paint: the staged window's store and panels, then the store
        opened in the background and the calls (Startup)."""
        # app/cli.py turned the collector off for the build: on again once it is all built.
        built = not staged or _finish_operator_window(window, desk, role, args, db_url, setup, demo, seat)
        gc.enable()
        if not built:
            return
        window.outside_line = outside_line  # the desk's call handling, built just now, starts without it
        desk.startup = Startup(app, window, desk.store, args, db_url, source_config, outbox=desk.outbox, demo=demo)
        desk.startup.begin()

    after_first_paint(window, open_desk)
    try:
        code = app.exec()
    finally:
        if desk.outbox is not None:
            # Quitting must not hang on a slow OMS: a send still in flight is abandoned with
            # the process; its row's lease runs out and the next start resends it under the
            # same Idempotency-Key, which the OMS deduplicates.
            desk.outbox.stop(timeout=1.0)
        if window.bridge is not None:
            window.bridge.stop()
        tasks.shutdown()
        if desk.store is not None:
            desk.store.dispose()
        # Gone with this run, not kept alive by a signal handler: a desk started again in
        # this process (the tests) finds only its own window.
        for sig, before in handlers.items():
            signal.signal(sig, before)
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return 1 if code == 0 and getattr(window, "refusal", None) is not None else code
