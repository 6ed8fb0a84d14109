"""A keyring backend for a `cti-desk` process a test starts: the entries are a JSON file
named by CTI_DESK_TEST_KEYRING ({"service/user": "secret"}). Selected with
PYTHON_KEYRING_BACKEND=tests.app.file_keyring.FileKeyring; never the user's keyring."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        entries = json.loads(Path(os.environ["CTI_DESK_TEST_KEYRING"]).read_text("utf-8"))
        return entries.get(f"{service}/{username}")

    def set_password(self, service, username, password):
        raise NotImplementedError("read-only in tests")

    def delete_password(self, service, username):
        raise NotImplementedError("read-only in tests")
