"""`cti-desk check [--db URL] [--source URL]`: what the desk needs, one line per item,
exit 0 when all are ok, 1 otherwise (CONTRACT.md "Command line"). The checks are
services/diagnostics.py; this prints them."""

from __future__ import annotations

import logging
import sys

from cti_desk.services.diagnostics import DeskTargets, all_ok, report_lines, run_checks
from cti_desk.services.log_file import log_file_path


def desk_targets(args, db_url: str) -> DeskTargets:
    """The store, call source and OMS as the window resolves them: the command line (before
    or after the subcommand), else the environment (the parser's defaults), else the
    settings file (app/desk_setup.py filled `args`), else the default store or the demo."""
    return DeskTargets(db_url=db_url, source_url=getattr(args, "source", None) or None,
                       oms_url=getattr(args, "oms_url", None) or None)


def run_check(args, db_url: str, scrub) -> int:
    if not args.debug:  # the report is the output: the clients' own warnings go to the log file only
        for handler in logging.getLogger().handlers:
            if isinstance(handler, logging.StreamHandler) and getattr(handler, "stream", None) is sys.stderr:
                handler.setLevel(logging.CRITICAL)
    results = run_checks(desk_targets(args, db_url))
    for line in report_lines(results, log_file_path()):
        print(scrub(line), flush=True)
    logging.getLogger("cti_desk.check").info("check: %s", "; ".join(
        f"{r.item} {'ok' if r.ok else 'FAILED'}: {r.detail}" for r in results))
    return 0 if all_ok(results) else 1
