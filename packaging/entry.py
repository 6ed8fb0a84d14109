"""The frozen app's entry point (PyInstaller): the same `cti-desk` command as the wheel's."""

import sys

from cti_desk.app.cli import main

if __name__ == "__main__":
    sys.exit(main())
