"""What the shop's shared screen may show of a customer, what a staff PIN must be, and how
wrong PINs are slowed down (domain/kiosk.py, no I/O)."""

from __future__ import annotations

import pytest

from cti_desk.domain.kiosk import PinGate, mask_name, mask_phone, pin_problem


@pytest.mark.parametrize(("name", "shown"), [
    ("山田 太郎", "山田 **"),
    ("山田　太郎", "山田 **"),  # full-width space, as Japanese forms write it
    ("山田太郎", "山**"),  # one word: only its first character
    ("John Ronald Tolkien", "John **"),  # the hidden part's length is hidden too
    ("  鈴木   一 ", "鈴木 **"),
    ("", ""),
])
def test_a_name_keeps_only_the_family_name(name, shown):
    assert mask_name(name) == shown


@pytest.mark.parametrize(("number", "shown"), [
    ("+819012345678", "090-****-5678"),
    ("090-1234-5678", "090-****-5678"),
    ("０９０１２３４５６７８", "090-****-5678"),  # full-width, as typed on a Japanese keyboard
    ("+81312345678", "03-****-5678"),
    ("0312345678", "03-****-5678"),
    ("+12025550123", "+1 202-***-0123"),
])
def test_a_phone_number_keeps_its_prefix_and_last_four_digits(number, shown):
    assert mask_phone(number) == shown


@pytest.mark.parametrize(("raw", "shown"), [
    ("2001", "****"),  # an extension: nothing to recognise, nothing shown
    ("12-345678", "****5678"),
    ("no number", ""),
    ("", ""),
])
def test_what_is_no_phone_number_is_masked_all_the_same(raw, shown):
    assert mask_phone(raw) == shown


@pytest.mark.parametrize("pin", ["1234", "000000", "123456789012"])
def test_four_to_twelve_digits_make_a_pin(pin):
    assert pin_problem(pin) is None


@pytest.mark.parametrize(("pin", "reason"), [
    ("", "no PIN given"),
    ("123", "a PIN has 4 to 12 digits"),
    ("1234567890123", "a PIN has 4 to 12 digits"),
    ("12a4", "a PIN is digits only (0-9)"),
    ("１２３４", "a PIN is digits only (0-9)"),  # full-width digits: no keypad types them
    ("12 34", "a PIN is digits only (0-9)"),
    ("٣٤٥٦", "a PIN is digits only (0-9)"),  # digits, but not 0-9
])
def test_a_bad_pin_is_refused_with_a_reason_that_never_quotes_it(pin, reason):
    assert pin_problem(pin) == reason
    if pin:
        assert pin not in reason


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_two_wrong_pins_cost_nothing_then_each_doubles_the_wait_up_to_a_minute():
    clock = Clock()
    gate = PinGate(clock)
    assert gate.wait_s() == 0
    waits = []
    for _ in range(9):
        gate.failed()
        waits.append(gate.wait_s())
        clock.now += gate.wait_s()  # the next try comes as soon as it is allowed
    assert waits == [0, 0, 2, 4, 8, 16, 32, 60, 60]


def test_the_wait_runs_down_with_the_clock():
    clock = Clock()
    gate = PinGate(clock)
    for _ in range(4):
        gate.failed()
    assert gate.wait_s() == 4
    clock.now += 1.5
    assert gate.wait_s() == 2.5
    clock.now += 10
    assert gate.wait_s() == 0


def test_the_right_pin_opens_the_gate_again():
    clock = Clock()
    gate = PinGate(clock)
    for _ in range(5):
        gate.failed()
    assert gate.wait_s() == 8
    gate.succeeded()
    assert gate.wait_s() == 0
    gate.failed()  # a typo after a success is free again
    gate.failed()
    assert gate.wait_s() == 0
    gate.failed()
    assert gate.wait_s() == 2


def test_a_thousand_wrong_pins_still_wait_one_minute():
    gate = PinGate(Clock())
    for _ in range(1000):
        gate.failed()
    assert gate.wait_s() == 60


def test_a_member_pays_as_on_the_phone_a_guest_on_delivery():
    from cti_desk.domain.delivery import Payment
    from cti_desk.domain.kiosk import kiosk_payments

    assert kiosk_payments(guest=False) == (Payment.CASH_ON_DELIVERY, Payment.CARD_ON_FILE, Payment.INVOICE)
    assert kiosk_payments(guest=True) == (Payment.CASH_ON_DELIVERY,)
