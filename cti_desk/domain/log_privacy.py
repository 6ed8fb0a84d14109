"""Personal data out of the log file: phone numbers, e-mail addresses, and the values a
database error quotes (a customer's name or number in its parameters or its DETAIL line).

Pure string work. What stays readable: dates (2026-11-30), times, Asterisk's call ids
(1732950000.42) and a number's last two digits, so a log still tells which call it was.
Names cannot be recognised in free text: the code logs customer ids, never names, and
the places where a name could slip in (a database error's parameters and DETAIL) are
masked here.
"""

from __future__ import annotations

import re

# 7+ digits, optionally after +, with single -, space or . between them (03-1234-5678,
# +81 3 1234 5678, 090.1234.5678). Not inside a longer word or number.
# Dates, times and Asterisk's call ids (Uniqueid 1732950000.42) are matched first and kept.
_NUMBERS = re.compile(
    r"(?P<keep>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?|\d{9,11}\.\d{1,9})"
    r"|(?P<phone>(?<![\w.])\+?\d(?:[-\s.]?\d){6,}(?!\w))")
# Not the user in a URL (ami://admin@pbx.example): its local part follows no / or word.
_EMAIL = re.compile(r"(?<![\w.+\-/])[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63})*\.[A-Za-z]{2,63}\b")
# SQLAlchemy appends the statement's values; PostgreSQL's DETAIL quotes a row's values.
_SQL_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(?:\n|\(Background|$))", re.DOTALL)
_PG_DETAIL = re.compile(r"(DETAIL:\s+(?:Key|Failing row contains)\s*(?:\([^)]*\))?\s*=?\s*)\(.*?\)(?=[ .\n]|$)")

MASKED_PARAMETERS = "[parameters: masked]"


def _phone(match: re.Match) -> str:
    if match["keep"]:
        return match["keep"]
    return "***" + re.sub(r"\D", "", match["phone"])[-2:]


def mask_personal(text: str) -> str:
    """`text` with phone numbers (all but their last two digits), e-mail addresses and
    the values quoted by database errors masked."""
    if not text:
        return text
    text = _SQL_PARAMETERS.sub(MASKED_PARAMETERS, text)
    text = _PG_DETAIL.sub(lambda m: m.group(1) + "(***)", text)
    text = _EMAIL.sub("***@***", text)
    return _NUMBERS.sub(_phone, text)
