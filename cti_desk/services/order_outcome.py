"""What is known about an order when the store fails while it is placed.

Before COMMIT, an attempt saved nothing. During COMMIT the server may have committed
without the client hearing it, so only the store can tell: an order draft has a key
(fixed when the operator starts it, stored unique with the order) and the store is asked
for the key's order. The operator is then told one of three things, never the driver's
words: the order exists, it does not (place it again), or the store cannot be asked yet
(place it again later: the same key finds the order instead of placing a second one).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

from cti_desk.domain.text import bounded

log = logging.getLogger("cti_desk.services.orders")

Order = TypeVar("Order")


class StoreFailed(Exception):
    """The store failed while the order was being placed. Never shown as is: each kind
    below says whether the order exists; `detail` (the driver's words) is for the log."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class OrderNotPlaced(StoreFailed):
    """Known not to exist: nothing was saved, placing the draft again is safe."""


class OrderUnconfirmed(StoreFailed):
    """The answer to COMMIT was lost and the store could not be asked afterwards: the order
    may exist. Placing the same draft again (same key) finds it instead of placing twice."""


def new_draft_key() -> str:
    """The identity of an order draft, fixed when the operator starts it."""
    return uuid.uuid4().hex


def describe(exc: BaseException) -> str:
    """The driver's words about a failure, one bounded line for the log (no SQL, no parameters)."""
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return bounded(f"{type(exc).__name__}: {reason[0] if reason else ''}", 300)


def settle(exc: BaseException, key: str | None, *, committing: bool, unsure: bool,
           check: Callable[[], Order | None] | None) -> Order:
    """The order `check` finds after the store failed with `exc`, or OrderNotPlaced /
    OrderUnconfirmed. `unsure`: an order may exist (the failure came during COMMIT, or an
    earlier attempt with this key ended unconfirmed); `check` is None without a key."""
    detail = describe(exc)
    stage = "during COMMIT" if committing else "before COMMIT"
    log.warning("order draft %s: the store failed %s: %s", key or "(no key)", stage, detail,
                exc_info=not isinstance(exc, DBAPIError))  # anything else is a bug: its traceback
    if not unsure:
        raise OrderNotPlaced(detail) from None
    if check is None:
        raise OrderUnconfirmed(detail) from None
    try:
        found = check()
    except Exception as failed:
        log.warning("order draft %s: cannot ask the store whether it was placed: %s", key, describe(failed))
        raise OrderUnconfirmed(detail) from None
    if found is None:
        log.info("order draft %s: not in the store, nothing was placed", key)
        raise OrderNotPlaced(detail) from None
    log.info("order %s found for draft %s after the store failed %s", getattr(found, "order_no", "?"), key, stage)
    return found
