"""Delivery orders taken on the phone: dates, slots, payment, postal codes, validation.

Pure rules, no I/O: the form checks with them before anything is saved, and the order
service checks again inside its transaction.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from cti_desk.domain.phone import normalize_e164

# The eight regions of Japan, as shops and carriers group prefectures.
REGIONS: dict[str, tuple[str, ...]] = {
    "北海道": ("北海道",),
    "東北": ("青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県"),
    "関東": ("茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県"),
    "中部": ("新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県"),
    "近畿": ("三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県"),
    "中国": ("鳥取県", "島根県", "岡山県", "広島県", "山口県"),
    "四国": ("徳島県", "香川県", "愛媛県", "高知県"),
    "九州": ("福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"),
}
PREFECTURES: tuple[str, ...] = tuple(p for prefs in REGIONS.values() for p in prefs)
_REGION_OF = {p: r for r, prefs in REGIONS.items() for p in prefs}
# "東京" and "大阪" as people and files often write them.
_SHORT = {p.removesuffix("県").removesuffix("府").removesuffix("都"): p for p in PREFECTURES if p != "北海道"}


def canonical_prefecture(name: str | None) -> str | None:
    """The full prefecture name (東京都) for 東京都 or 東京; None if it is none."""
    if not name:
        return None
    name = unicodedata.normalize("NFKC", name).strip()
    if name in _REGION_OF:
        return name
    return _SHORT.get(name)


def region_of(prefecture: str | None) -> str | None:
    full = canonical_prefecture(prefecture)
    return _REGION_OF.get(full) if full else None


class Nearness(StrEnum):
    """How close a stock location is to the customer, best first."""

    SAME_PREFECTURE = "same_prefecture"
    SAME_REGION = "same_region"
    WAREHOUSE = "warehouse"
    EC = "ec"
    FAR_SHOP = "far_shop"


_NEARNESS_RANK = {n: i for i, n in enumerate(Nearness)}

# English; the Qt layer shows them translated (cti_desk/qt/labels.py lists them for lupdate).
NEARNESS_LABELS = {
    Nearness.SAME_PREFECTURE: "Same prefecture",
    Nearness.SAME_REGION: "Same region",
    Nearness.WAREHOUSE: "Warehouse",
    Nearness.EC: "EC stock",
    Nearness.FAR_SHOP: "Shop in another region",
}


def nearness(kind: str, location_prefecture: str | None, customer_prefecture: str | None) -> Nearness:
    """Shops near the customer first, then warehouses, the EC stock, then far shops."""
    if kind == "warehouse":
        return Nearness.WAREHOUSE
    if kind == "ec":
        return Nearness.EC
    loc, cust = canonical_prefecture(location_prefecture), canonical_prefecture(customer_prefecture)
    if loc and cust and loc == cust:
        return Nearness.SAME_PREFECTURE
    if loc and cust and _REGION_OF.get(loc) == _REGION_OF.get(cust):
        return Nearness.SAME_REGION
    return Nearness.FAR_SHOP


def nearness_rank(n: Nearness) -> int:
    return _NEARNESS_RANK[n]


@dataclass(frozen=True, slots=True)
class SourceOption:
    """A location an order line could ship from, as the seat last saw it."""

    location_id: int
    nearness: Nearness
    available: int
    lead_days: int
    code: str = ""


def suggest_source(options: Iterable[SourceOption], quantity: int) -> SourceOption | None:
    """The nearest location with enough available stock; None if none has enough."""
    ranked = sorted(options, key=lambda o: (nearness_rank(o.nearness), o.lead_days, o.code))
    for option in ranked:
        if option.available >= max(quantity, 1):
            return option
    return None


# --- delivery dates ---------------------------------------------------------------


def _jp_public_holiday(day: date) -> bool:
    import jpholiday

    return bool(jpholiday.is_holiday(day))


@dataclass(frozen=True, slots=True)
class DeliveryCalendar:
    """Which days the carrier delivers: not on closed weekdays (Sunday), public holidays
    or extra closed dates (e.g. a year-end closing)."""

    closed_weekdays: frozenset[int] = frozenset({6})  # date.weekday(): Monday 0 .. Sunday 6
    closed_dates: frozenset[date] = frozenset()
    is_holiday: Callable[[date], bool] = _jp_public_holiday

    def is_delivery_day(self, day: date) -> bool:
        return (
            day.weekday() not in self.closed_weekdays
            and day not in self.closed_dates
            and not self.is_holiday(day)
        )

    def earliest(self, order_day: date, lead_days: int) -> date:
        """The first date the goods can arrive: `lead_days` delivery days after the order."""
        day = order_day
        remaining = max(lead_days, 0)
        while remaining:
            day += timedelta(days=1)
            if self.is_delivery_day(day):
                remaining -= 1
        for _ in range(366):
            if self.is_delivery_day(day):
                return day
            day += timedelta(days=1)
        raise ValueError("no delivery day within a year")

    def options(self, earliest: date, count: int = 14) -> list[date]:
        """`count` delivery days from `earliest` on, for the date picker."""
        days: list[date] = []
        day = earliest
        for _ in range(count * 7 + 14):
            if len(days) >= count:
                break
            if self.is_delivery_day(day):
                days.append(day)
            day += timedelta(days=1)
        return days


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def date_label(day: date, weekdays: tuple[str, ...] | list[str] = WEEKDAYS) -> str:
    """'2026-12-03 (Thu)'; the Qt layer passes the weekdays in the UI's language."""
    return f"{day.isoformat()} ({weekdays[day.weekday()]})"


class Slot(StrEnum):
    ANY = "any"
    MORNING = "morning"
    H14_16 = "14-16"
    H16_18 = "16-18"
    H18_20 = "18-20"
    H19_21 = "19-21"


SLOT_LABELS = {
    Slot.ANY: "Any time",
    Slot.MORNING: "Morning",
    Slot.H14_16: "14:00–16:00",
    Slot.H16_18: "16:00–18:00",
    Slot.H18_20: "18:00–20:00",
    Slot.H19_21: "19:00–21:00",
}


class Payment(StrEnum):
    CASH_ON_DELIVERY = "cod"
    CARD_ON_FILE = "card"
    INVOICE = "invoice"


PAYMENT_LABELS = {
    Payment.CASH_ON_DELIVERY: "Cash on delivery",
    Payment.CARD_ON_FILE: "Card on file",
    Payment.INVOICE: "Invoice",
}


# --- postal codes and money --------------------------------------------------------

_POSTAL_JUNK = re.compile(r"[\s\-‐‑‒–—―ー−〒]")


def normalize_postal_code(text: str | None) -> str | None:
    """'〒100-0001', '１００－０００１' -> '1000001'; None unless it is 7 digits."""
    if not text:
        return None
    cleaned = _POSTAL_JUNK.sub("", unicodedata.normalize("NFKC", text[:20]))
    return cleaned if re.fullmatch(r"\d{7}", cleaned) else None


def format_postal_code(code: str) -> str:
    return f"{code[:3]}-{code[3:]}" if len(code) == 7 else code


POINTS_RATE_PERCENT = 1


def points_earned(paid: int) -> int:
    """1% of what the customer pays in money, rounded down (points spent earn nothing)."""
    return max(paid, 0) * POINTS_RATE_PERCENT // 100


# --- the order draft and its validation -----------------------------------------------

MAX_QUANTITY = 999
LIMITS = {"recipient": 200, "city": 100, "line1": 200, "line2": 200, "prefecture": 10}


@dataclass(slots=True)
class DraftLine:
    product_id: int
    quantity: int
    unit_price: int
    location_id: int | None
    lead_days: int = 1
    name: str = ""


@dataclass(slots=True)
class OrderDraft:
    customer_id: int
    lines: list[DraftLine]
    recipient: str = ""
    phone: str = ""
    postal_code: str = ""
    prefecture: str = ""
    city: str = ""
    line1: str = ""
    line2: str = ""
    delivery_date: date | None = None
    slot: str = Slot.ANY.value
    payment: str = Payment.CASH_ON_DELIVERY.value
    points_to_use: int = 0
    inquiry_id: int | None = None
    call_id: str | None = None
    operator: str = ""

    @property
    def total(self) -> int:
        return sum(line.quantity * line.unit_price for line in self.lines)

    @property
    def paid(self) -> int:
        return self.total - self.points_to_use

    @property
    def lead_days(self) -> int:
        return max((line.lead_days for line in self.lines), default=0)


@dataclass(frozen=True, slots=True)
class Message:
    """Words for the operator without Qt: a stable `code` (for code and tests), the English
    `text` with {fields}, and the fields' values (dates and numbers stay values, so each
    language formats them). str() is the English sentence; the Qt layer translates `text`."""

    code: str
    text: str
    args: tuple[tuple[str, object], ...] = ()

    def fill(self, text: str | None = None, weekdays: tuple[str, ...] | list[str] = WEEKDAYS) -> str:
        """`text` (default: the English one) with the fields filled in."""
        values = {k: date_label(v, weekdays) if isinstance(v, date) else f"{v:,}" if isinstance(v, int) else v
                  for k, v in self.args}
        return (text or self.text).format(**values)

    def __str__(self) -> str:
        return self.fill()


def message(catalogue: dict[str, str], code: str, /, **args: object) -> Message:
    return Message(code, catalogue[code], tuple(args.items()))


# Every validation message, by code. English source text: the Qt layer lists the same
# texts for lupdate (cti_desk/qt/labels.py) and a test keeps the two in step.
VALIDATION_TEXTS = {
    "lines.empty": "Add at least one product",
    "quantity.too_small": "The quantity must be at least 1",
    "quantity.too_large": "The quantity must be at most {max}",
    "location.none": "Choose where it ships from (no location has stock)",
    "price.invalid": "The price is not valid",
    "recipient.missing": "Enter the recipient's name",
    "recipient.too_long": "The name is too long",
    "phone.missing": "Enter a phone number",
    "phone.invalid": "The phone number is not in a valid format",
    "postal_code.missing": "Enter a postal code",
    "postal_code.format": "A postal code is 7 digits",
    "prefecture.missing": "Choose a prefecture",
    "city.missing": "Enter the city, ward or town",
    "city.too_long": "The city, ward or town is too long",
    "line1.missing": "Enter the street number and building",
    "address.too_long": "The address is too long",
    "delivery_date.missing": "Choose a delivery date",
    "delivery_date.too_early": "The earliest delivery date is {date}",
    "delivery_date.closed": "No deliveries on that day (Sundays and public holidays)",
    "slot.missing": "Choose a time slot",
    "payment.missing": "Choose a payment method",
    "points.negative": "Points must be 0 or more",
    "points.over_balance": "More than the points balance ({balance})",
    "points.over_total": "Points used must not exceed the order total (¥{total})",
}


def _invalid(code: str, /, **args: object) -> Message:
    return message(VALIDATION_TEXTS, code, **args)


@dataclass(slots=True)
class Validation:
    """Field name -> what is wrong with it, in the operator's words."""

    errors: dict[str, Message] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return not self.errors

    def add(self, name: str, code: str, /, **args: object) -> None:
        self.errors.setdefault(name, _invalid(code, **args))


def line_field(index: int, name: str) -> str:
    return f"line{index}.{name}"


def validate(
    draft: OrderDraft,
    *,
    points_balance: int,
    today: date,
    calendar: DeliveryCalendar | None = None,
) -> Validation:
    """Every field of the form checked; the returned keys name the fields."""
    calendar = calendar or DeliveryCalendar()
    v = Validation()
    if not draft.lines:
        v.add("lines", "lines.empty")
    for i, line in enumerate(draft.lines):
        if line.quantity < 1:
            v.add(line_field(i, "quantity"), "quantity.too_small")
        elif line.quantity > MAX_QUANTITY:
            v.add(line_field(i, "quantity"), "quantity.too_large", max=MAX_QUANTITY)
        if line.location_id is None:
            v.add(line_field(i, "location"), "location.none")
        if line.unit_price < 0:
            v.add(line_field(i, "price"), "price.invalid")

    if not draft.recipient.strip():
        v.add("recipient", "recipient.missing")
    elif len(draft.recipient) > LIMITS["recipient"]:
        v.add("recipient", "recipient.too_long")
    if not draft.phone.strip():
        v.add("phone", "phone.missing")
    elif normalize_e164(draft.phone) is None:
        v.add("phone", "phone.invalid")
    if not draft.postal_code.strip():
        v.add("postal_code", "postal_code.missing")
    elif normalize_postal_code(draft.postal_code) is None:
        v.add("postal_code", "postal_code.format")
    if canonical_prefecture(draft.prefecture) is None:
        v.add("prefecture", "prefecture.missing")
    if not draft.city.strip():
        v.add("city", "city.missing")
    elif len(draft.city) > LIMITS["city"]:
        v.add("city", "city.too_long")
    if not draft.line1.strip():
        v.add("line1", "line1.missing")
    elif len(draft.line1) > LIMITS["line1"]:
        v.add("line1", "address.too_long")
    if len(draft.line2) > LIMITS["line2"]:
        v.add("line2", "address.too_long")

    if draft.delivery_date is None:
        v.add("delivery_date", "delivery_date.missing")
    else:
        earliest = calendar.earliest(today, draft.lead_days)
        if draft.delivery_date < earliest:
            v.add("delivery_date", "delivery_date.too_early", date=earliest)
        elif not calendar.is_delivery_day(draft.delivery_date):
            v.add("delivery_date", "delivery_date.closed")
    if draft.slot not in {s.value for s in Slot}:
        v.add("slot", "slot.missing")
    if draft.payment not in {p.value for p in Payment}:
        v.add("payment", "payment.missing")

    if draft.points_to_use < 0:
        v.add("points", "points.negative")
    elif draft.points_to_use > points_balance:
        v.add("points", "points.over_balance", balance=points_balance)
    elif draft.points_to_use > draft.total:
        v.add("points", "points.over_total", total=draft.total)
    return v
