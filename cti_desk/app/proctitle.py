"""Keep a secret typed on the command line out of `ps`.

Every user of the machine can read /proc/PID/cmdline. setproctitle rewrites the
process's argument area in place, so what `ps` shows from then on is the command line
with its secrets masked (sys.argv itself is unchanged). The time before this runs
(interpreter start) is why cti-desk still warns: the keyring or the environment are
the places for secrets.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from cti_desk.domain.redact import mask_argv


def hide_secrets(words: Sequence[str]) -> bool:
    """Set the process title to `cti-desk WORDS...` with secrets masked; False if it can't."""
    try:
        import setproctitle
    except ImportError:  # a build without it: the warning still tells the user
        return False
    program = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "cti-desk"
    setproctitle.setproctitle(" ".join([program, *mask_argv(words)]))
    return True
