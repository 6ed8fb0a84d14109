"""The desk's effective settings for this run (settings/desk.py's rules), read once per
command: the command line and the environment (argparse's defaults hold the
environment) over the settings file `cti-desk.toml` over the defaults."""

from __future__ import annotations

import logging
import os

from cti_desk.domain.redact import mask_urls
from cti_desk.settings.desk import FILE, DeskSetup, resolve_desk
from cti_desk.settings.paths import config_dir, default_db_url, default_store_path, demo_db_url
from cti_desk.settings.toml_file import load_settings

# Commands that take the whole desk from the settings (store, call source, OMS, agent).
DESK_COMMANDS = frozenset({None, "check"})
# Commands that take the settings' call source when none is given.
SOURCE_COMMANDS = frozenset({"monitor", "relay", "queues"})

log = logging.getLogger("cti_desk.settings")


def desk_setup(args) -> DeskSetup:
    cached = getattr(args, "desk_setup", None)
    if cached is not None:
        return cached
    given = {name: getattr(args, name, None) for name in ("db", "source", "agent", "pop_on_answer", "oms_url", "role")}
    setup = resolve_desk(given, os.environ, load_settings(config_dir()), default_db_url=default_db_url(),
                         demo_db_url=demo_db_url(), default_store_exists=default_store_path().exists())
    args.desk_setup = setup
    return setup


def apply_desk_setup(args) -> DeskSetup:
    """Fill the command's options the command line left empty from the effective settings."""
    setup = desk_setup(args)
    command = getattr(args, "command", None)
    if command in SOURCE_COMMANDS and not getattr(args, "source", None) and setup.origin["source"] == FILE:
        args.source = setup.source_url
    if command in DESK_COMMANDS:
        args.source = setup.source_url
        args.agent, args.oms_url, args.pop_on_answer = setup.agent, setup.oms_url, setup.pop_on_answer
    # Where they came from, for the IT person's `--debug` (URLs masked; the log file too).
    store = store_url(args)
    source = getattr(args, "source", None)
    log.debug("settings: store %s from the %s; call source %s from the %s; settings file %s%s",
              mask_urls(store), setup.origin["db"] if store == setup.db_url else "default",
              mask_urls(source) if source else "none", setup.origin["source"] if source else "default",
              setup.file.path, "" if setup.file.existed else " (none)")
    return setup


def store_url(args) -> str:
    """The store this command uses: the demo's only for the window and `check` (the demo's
    own file is never the store of an `import` or `demo-data` nobody pointed anywhere)."""
    setup = desk_setup(args)
    if setup.demo and getattr(args, "command", None) not in DESK_COMMANDS:
        return default_db_url()
    return setup.db_url
