"""Kiosk rules without I/O: what a shop's shared screen may show of a customer, what a
staff PIN must look like, and how wrong PINs are slowed down.

The kiosk stands on the shop floor with customers beside it: a name or phone number on
it is read by whoever stands there, so only enough to recognise oneself is shown.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable

from cti_desk.domain.delivery import Payment
from cti_desk.domain.phone import display, normalize

MASK = "**"
PIN_MIN, PIN_MAX = 4, 12

# Wrong PINs: the first FREE_TRIES cost nothing (a typo), then 2, 4, 8 ... seconds, capped.
FREE_TRIES = 2
FIRST_DELAY_S = 2.0
MAX_DELAY_S = 60.0


def mask_name(name: str) -> str:
    """"山田 太郎" -> "山田 **": the family name kept, the rest hidden (its length too);
    a name of one word keeps its first character ("山田太郎" -> "山**")."""
    words = unicodedata.normalize("NFKC", name or "").split()
    if not words:
        return ""
    if len(words) == 1:
        return words[0][0] + MASK
    return f"{words[0]} {MASK}"


def mask_phone(e164_or_raw: str) -> str:
    """"+819012345678" -> "090-****-5678": the first group (area or mobile prefix) and the
    last four digits kept, every other digit hidden."""
    number = normalize(e164_or_raw or "")
    if number.e164:
        shown = display(number.e164)
        first, _, rest = shown.partition("-") if "-" in shown else ("", "", shown)
        total = sum(ch.isdigit() for ch in rest)
        kept_from = total - 4
        out, seen = [], 0
        for ch in rest:
            if ch.isdigit():
                out.append(ch if seen >= kept_from else "*")
                seen += 1
            else:
                out.append(ch)
        return (first + "-" if first else "") + "".join(out)
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", e164_or_raw or ""))[:20]
    if not digits:
        return ""
    return "*" * max(len(digits) - 4, 0) + digits[-4:] if len(digits) > 4 else "*" * len(digits)


def kiosk_payments(guest: bool) -> tuple[Payment, ...]:
    """How an order at the kiosk can be paid: a member as on the phone; a guest has no
    card on file and no invoice account, so only on delivery."""
    return (Payment.CASH_ON_DELIVERY,) if guest else tuple(Payment)


def pin_problem(pin: str) -> str | None:
    """None for an acceptable staff PIN (4 to 12 ASCII digits), else why not (English,
    never quoting the PIN)."""
    if not pin:
        return "no PIN given"
    if not (pin.isascii() and pin.isdigit()):
        return "a PIN is digits only (0-9)"
    if not PIN_MIN <= len(pin) <= PIN_MAX:
        return f"a PIN has {PIN_MIN} to {PIN_MAX} digits"
    return None


class PinGate:
    """Slows down guessing at the kiosk's PIN dialog: after two wrong PINs each further
    one makes the next try wait 2, 4, 8 ... seconds (at most a minute). A right PIN opens
    the gate again. The clock is injectable so tests need no sleeping."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._failures = 0
        self._next_try = 0.0

    @property
    def failures(self) -> int:
        return self._failures

    def wait_s(self) -> float:
        """Seconds before the next try is allowed (0 if now)."""
        return max(0.0, self._next_try - self._clock())

    def failed(self) -> None:
        self._failures += 1
        extra = self._failures - FREE_TRIES
        delay = 0.0 if extra <= 0 else min(FIRST_DELAY_S * 2 ** min(extra - 1, 16), MAX_DELAY_S)
        self._next_try = self._clock() + delay

    def succeeded(self) -> None:
        self._failures = 0
        self._next_try = 0.0
