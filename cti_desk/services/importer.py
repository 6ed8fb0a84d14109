"""`cti-desk import`: customers, products, locations, stock, purchases and inquiries from
CSV, all or nothing.

The whole file is read and validated row by row (errors name the file, the physical
line and the reason; a key on two rows names both lines), then written in one store
transaction. Existing rows are looked up in batches, never one query per row, so
100k-row files stay quick. Each kind lives in its own module; this one picks it.
"""

from __future__ import annotations

from pathlib import Path

from cti_desk.domain.errors import BadArgument
from cti_desk.domain.progress import ProgressFn
from cti_desk.services.audit import record
from cti_desk.services.csvimport import (
    ImportContext,
    ImportFailed,
    ImportResult,
    Row,
    UnknownEncoding,
    codec_for,
    read_rows,
)
from cti_desk.services.import_catalogue import import_locations, import_products, import_stock
from cti_desk.services.import_customers import import_customers
from cti_desk.services.import_history import import_inquiries, import_purchases
from cti_desk.settings.operator import os_user
from cti_desk.store.db import Store

__all__ = ["COLUMNS", "ImportFailed", "ImportResult", "Row", "UnknownEncoding", "UnknownImportKind",
           "import_csv", "read_rows"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "customers": ("channel", "external_id", "name", "name_kana", "phone", "email",
                  "postal_code", "address", "member_id"),
    "products": ("sku", "jan", "name", "price"),
    "locations": ("code", "name", "kind", "prefecture", "lead_days"),
    "stock": ("sku", "location", "on_hand"),
    "purchases": ("channel", "external_id", "order_no", "purchased_at", "sku", "quantity",
                  "unit_price"),
    "inquiries": ("channel", "external_id", "inquiry_id", "opened_at", "subject", "text", "status"),
}
_IMPORTERS = {
    "customers": import_customers,
    "products": import_products,
    "locations": import_locations,
    "stock": import_stock,
    "purchases": import_purchases,
    "inquiries": import_inquiries,
}


class UnknownImportKind(BadArgument):
    pass


def import_csv(store: Store, kind: str, path: str | Path, progress: ProgressFn | None = None,
               encoding: str | None = None, actor: str | None = None) -> ImportResult:
    """Import one file; `encoding` None detects UTF-8 (with or without BOM) or CP932.
    `actor`: who imports, for the audit row (default: the OS user)."""
    if kind not in COLUMNS:
        raise UnknownImportKind(f"unknown import kind {kind!r} (use one of {', '.join(COLUMNS)})")
    codec_for(encoding)  # an unknown --encoding is bad usage, before the file is read
    path = Path(path)
    progress = progress or (lambda stage, done, total: None)
    rows = read_rows(path, COLUMNS[kind], encoding)
    result = ImportResult(kind=kind, file=path.name, rows=len(rows))
    with store.transaction() as s:
        _IMPORTERS[kind](s, rows, ImportContext(path.name, progress, f"import {kind}", len(rows)), result)
        # One audit row per file (not per customer): who changed the records, from where.
        record(s, actor or os_user(), f"import.{kind}", detail=result.summary())
    return result
