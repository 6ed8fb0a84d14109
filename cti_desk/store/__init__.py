"""The unified store: models, sessions, migrations."""

# Imported with the package so that every session keeps the search keys in step.
from cti_desk.store import search_keys as _search_keys  # noqa: F401
