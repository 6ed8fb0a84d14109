"""Finding customers and products by what an operator types, best match first.

A customer is found by name (with or without the space), given name, kana (full- or
half-width katakana, hiragana), email, member or order number in any case, and any run
of four or more digits of a phone number; a product by name, kana or SKU. Results are
ranked exact, then prefix, then substring; within a rank by the key that matched.

Every lookup is an index search on SQLite and PostgreSQL alike: a b-tree range over the
folded keys (exact and prefix), the trigram index (cti_desk.store.search_keys) for
substrings, the existing indexes for member and order numbers. The substring search only
runs when exact and prefix matches leave room under the limit.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select, text, union_all
from sqlalchemy.orm import Session

from cti_desk.domain.model import segment_for
from cti_desk.domain.searchkeys import (
    MATCH_RANK,
    MIN_SUBSTRING,
    KeyKind,
    Match,
    Term,
    code_variants,
    fold,
    match_of,
    query_terms,
)
from cti_desk.services.history import Candidate, candidates
from cti_desk.store.db import Store
from cti_desk.store.models import (
    ChannelIdentity,
    Customer,
    CustomerEmail,
    CustomerPhone,
    DeliveryOrder,
    Purchase,
)
from cti_desk.store.search_keys import CUSTOMERS, PRODUCTS, SUBSTRING_KIND_LIST, SearchIndex

log = logging.getLogger(__name__)

MAX_RESULTS = 50
_TOP = "\U0010ffff"  # above every character: [t, t + _TOP) is "starts with t"
_ROWS_PER_RESULT = 4  # key rows fetched per wanted result (an owner has several keys)


@dataclass(frozen=True, slots=True)
class Hit:
    id: int  # customer or product id
    match: Match


@dataclass(frozen=True, slots=True)
class FoundCustomer:
    """One line of `cti-desk find`: the keys and their order are part of the contract."""

    customer_id: int
    name: str
    name_kana: str
    member_ids: list[str]
    phones: list[str]  # E.164
    emails: list[str]
    segment: str
    match: str

    def as_json(self) -> dict[str, Any]:
        return {"customer_id": self.customer_id, "name": self.name, "name_kana": self.name_kana,
                "member_ids": self.member_ids, "phones": self.phones, "emails": self.emails,
                "segment": self.segment, "match": self.match}


# ---------------------------------------------------------------------------- customers


def search_customers(session: Session, query: str, limit: int = MAX_RESULTS) -> list[Hit]:
    """Customers for what an operator typed, best match first."""
    if limit <= 0:
        return []
    best: dict[int, tuple[int, str]] = {}
    if codes := code_variants(query):
        # One round trip for the three indexes (a PostgreSQL store is across a network).
        found = union_all(
            select(ChannelIdentity.customer_id, ChannelIdentity.member_id).where(ChannelIdentity.member_id.in_(codes)),
            select(Purchase.customer_id, Purchase.order_no).where(Purchase.order_no.in_(codes)),
            select(DeliveryOrder.customer_id, DeliveryOrder.order_no).where(DeliveryOrder.order_no.in_(codes)),
        )
        for cid, code in session.execute(select(found.subquery()).limit(limit * _ROWS_PER_RESULT)):
            _offer(best, cid, Match.EXACT, fold(code))
    # A whole member or order number is no fragment of a name or phone number.
    _search_keys(session, CUSTOMERS, query_terms(query), limit, best, substring=not best)
    return _ranked(best, limit)


def find_customers(store: Store, query: str, limit: int = MAX_RESULTS) -> list[FoundCustomer]:
    """What `cti-desk find` prints: the ranked customers with what tells them apart."""
    with store.session() as s:
        hits = search_customers(s, query, limit)
        return _describe(s, hits)


def customer_candidates(store: Store, query: str, limit: int = MAX_RESULTS) -> list[Candidate]:
    """The window's search box: ranked customers as the chooser lists them."""
    with store.session() as s:
        return candidates(s, [h.id for h in search_customers(s, query, limit)])


def _describe(s: Session, hits: list[Hit]) -> list[FoundCustomer]:
    ids = [h.id for h in hits]
    if not ids:
        return []
    people = {cid: (name, kana) for cid, name, kana in
              s.execute(select(Customer.id, Customer.name, Customer.name_kana).where(Customer.id.in_(ids)))}
    members = _lists(s, select(ChannelIdentity.customer_id, ChannelIdentity.member_id)
                     .where(ChannelIdentity.customer_id.in_(ids), ChannelIdentity.member_id.is_not(None))
                     .order_by(ChannelIdentity.id))
    phones = _lists(s, select(CustomerPhone.customer_id, CustomerPhone.e164)
                    .where(CustomerPhone.customer_id.in_(ids)).order_by(CustomerPhone.id))
    emails = _lists(s, select(CustomerEmail.customer_id, CustomerEmail.email)
                    .where(CustomerEmail.customer_id.in_(ids)).order_by(CustomerEmail.id))
    orders = dict(s.execute(select(Purchase.customer_id, func.count(Purchase.id))
                            .where(Purchase.customer_id.in_(ids)).group_by(Purchase.customer_id)).all())
    return [
        FoundCustomer(
            customer_id=h.id, name=people[h.id][0], name_kana=people[h.id][1],
            member_ids=members.get(h.id, []), phones=phones.get(h.id, []), emails=emails.get(h.id, []),
            segment=segment_for(orders.get(h.id, 0)).value, match=h.match.value,
        )
        for h in hits
        if h.id in people
    ]


def _lists(s: Session, stmt) -> dict[int, list[str]]:
    """owner id -> its values in row order, each once."""
    out: dict[int, list[str]] = {}
    for owner, value in s.execute(stmt):
        values = out.setdefault(owner, [])
        if value not in values:
            values.append(value)
    return out


# ---------------------------------------------------------------------------- products


def search_products(session: Session, query: str, limit: int = MAX_RESULTS) -> list[Hit]:
    """Products by name, kana or SKU (any case), best match first."""
    if limit <= 0:
        return []
    folded = fold(query)
    if not folded:
        return []
    best: dict[int, tuple[int, str]] = {}
    _search_keys(session, PRODUCTS, [Term(folded, len(folded) >= MIN_SUBSTRING)], limit, best)
    return _ranked(best, limit)


def product_by_sku(session: Session, sku: str) -> int | None:
    """The product whose SKU this is, in any case and width."""
    folded = fold(sku)
    if not folded:
        return None
    keys = PRODUCTS.keys
    return session.scalar(
        select(keys.c.product_id).where(keys.c.key == folded, keys.c.kind == int(KeyKind.SKU)).limit(1)
    )


# ---------------------------------------------------------------------------- the lookups


def _offer(best: dict[int, tuple[int, str]], owner: int, match: Match, key: str) -> None:
    rank = (MATCH_RANK[match], key)
    if owner not in best or rank < best[owner]:
        best[owner] = rank


def _ranked(best: dict[int, tuple[int, str]], limit: int) -> list[Hit]:
    order = sorted(best.items(), key=lambda item: (item[1], item[0]))
    matches = list(MATCH_RANK)
    return [Hit(owner, matches[rank]) for owner, (rank, _key) in order[:limit]]


def _search_keys(session: Session, index: SearchIndex, terms: list[Term], limit: int,
                 best: dict[int, tuple[int, str]], substring: bool = True) -> None:
    keys = index.keys
    owner = keys.c[index.owner]
    for term in terms:
        rows = session.execute(
            select(owner, keys.c.key)
            .where(keys.c.key >= term.text, keys.c.key < term.text + _TOP)
            .order_by(keys.c.key, owner)
            .limit(limit * _ROWS_PER_RESULT)
        )
        for oid, key in rows:
            _offer(best, oid, match_of(key, term.text), key)
    for term in terms:
        if not substring or len(best) >= limit or not term.substring or not _trigrams_cover(session, term.text):
            continue
        params = {"lo": term.text, "hi": term.text + _TOP, "n": (limit - len(best)) * _ROWS_PER_RESULT}
        if session.get_bind().dialect.name == "sqlite":
            sql = (f"SELECT k.{index.owner}, k.key FROM {index.fts} JOIN {keys.name} k ON k.id = {index.fts}.rowid "  # noqa: S608 -- our names
                   f"WHERE {index.fts} MATCH :phrase AND NOT (k.key >= :lo AND k.key < :hi) LIMIT :n")
            params["phrase"] = '"' + term.text.replace('"', '""') + '"'
        else:
            # The literal kinds let the planner use the partial GIN index.
            sql = (f"SELECT {index.owner}, key FROM {keys.name} WHERE kind IN ({SUBSTRING_KIND_LIST}) "  # noqa: S608 -- our names
                   "AND key LIKE :pattern ESCAPE '\\' AND NOT (key >= :lo AND key < :hi) LIMIT :n")
            params["pattern"] = "%" + _like_escape(term.text) + "%"
        for oid, key in session.execute(text(sql), params):
            if term.text in key:  # a trigram index finds candidates; the key decides
                _offer(best, oid, Match.SUBSTRING, key)


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# PostgreSQL's pg_trgm only sees letters its database locale calls letters: in a database
# created with LC_CTYPE=C that is ASCII alone, and a Japanese pattern would scan the whole
# index. Such a database still finds Japanese by exact and prefix match.
_trigram_locale: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def _trigrams_cover(session: Session, term: str) -> bool:
    bind = session.get_bind()
    if bind.dialect.name == "sqlite" or term.isascii():
        return True
    engine = bind.engine  # the session may be bound to a connection (Store.transaction)
    if engine not in _trigram_locale:
        ok = bool(session.scalar(text("SELECT cardinality(show_trgm('山田太郎')) > 0")))
        if not ok:
            log.warning("this PostgreSQL database's locale (LC_CTYPE) has no Japanese letters: "
                        "names and kana are found by exact and prefix match only")
        _trigram_locale[engine] = ok
    return _trigram_locale[engine]
