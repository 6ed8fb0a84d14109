"""Plain call-center and retail vocabulary shared by every layer (no I/O)."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    STORE = "store"  # shop POS member
    EC = "ec"
    APP = "app"
    LINE = "line"
    CALL_CENTER = "call_center"


class Segment(StrEnum):
    PROSPECT = "prospect"  # known, never bought
    FIRST_TIME = "first_time"
    LOYAL = "loyal"


class LocationKind(StrEnum):
    SHOP = "shop"
    WAREHOUSE = "warehouse"
    EC = "ec"


class Resolution(StrEnum):
    UNIQUE = "unique"
    MULTIPLE = "multiple"
    NONE = "none"
    ANONYMOUS = "anonymous"


def segment_for(order_count: int) -> Segment:
    """Segment from the number of distinct orders in every channel."""
    if order_count <= 0:
        return Segment.PROSPECT
    if order_count == 1:
        return Segment.FIRST_TIME
    return Segment.LOYAL


def jan_is_valid(jan: str) -> bool:
    """A JAN with a valid check digit: EAN-13, or the 8-digit short JAN (EAN-8)."""
    from stdnum import ean

    return len(jan) in (8, 13) and ean.is_valid(jan)
