"""A small retailer in a real store: shops, a warehouse, the EC stock, products, a customer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from cti_desk.store.db import Store
from cti_desk.store.models import Address, Location, PointsEntry, Product, StockLevel
from tests.factories import add_customer

# (code, name, kind, prefecture, lead_days)
LOCATIONS = [
    ("S-SHIBUYA", "渋谷店", "shop", "東京都", 1),
    ("S-UMEDA", "梅田店", "shop", "大阪府", 1),
    ("S-YOKOHAMA", "横浜店", "shop", "神奈川県", 1),
    ("WH-EAST", "東日本倉庫", "warehouse", "埼玉県", 2),
    ("EC", "EC在庫", "ec", "千葉県", 3),
]
# (sku, jan, name, kana, price)
PRODUCTS = [
    ("SKU-KETTLE", "4901234567894", "電気ケトル 1.0L", "デンキケトル", 4980),
    ("SKU-TOWEL", "4512345678906", "今治タオル", "イマバリタオル", 1500),
]


@dataclass
class Retail:
    customer_id: int
    locations: dict[str, int] = field(default_factory=dict)
    products: dict[str, int] = field(default_factory=dict)


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def add_retail(
    store: Store,
    stock: dict[tuple[str, str], int] | None = None,
    points: int = 500,
    prefecture: str = "東京都",
) -> Retail:
    """Locations, products and stock (default: 3 kettles in Shibuya, 1 in Umeda, ...)."""
    stock = stock if stock is not None else {
        ("SKU-KETTLE", "S-SHIBUYA"): 3, ("SKU-KETTLE", "S-UMEDA"): 1,
        ("SKU-KETTLE", "S-YOKOHAMA"): 2, ("SKU-KETTLE", "WH-EAST"): 40, ("SKU-KETTLE", "EC"): 10,
        ("SKU-TOWEL", "WH-EAST"): 100,
    }
    cid = add_customer(store)
    retail = Retail(cid)
    with store.transaction() as s:
        for code, name, kind, pref, lead in LOCATIONS:
            loc = Location(code=code, name=name, kind=kind, prefecture=pref, lead_days=lead)
            s.add(loc)
            s.flush()
            retail.locations[code] = loc.id
        for sku, jan, name, kana, price in PRODUCTS:
            p = Product(sku=sku, jan=jan, name=name, name_kana=kana, price=price)
            s.add(p)
            s.flush()
            retail.products[sku] = p.id
        for (sku, code), qty in stock.items():
            s.add(StockLevel(product_id=retail.products[sku], location_id=retail.locations[code],
                             on_hand=qty, reserved=0, updated_at=now()))
        s.add(Address(customer_id=cid, label="自宅", postal_code="1500002", prefecture=prefecture,
                      city="渋谷区", line1="渋谷1-2-3", line2="渋谷ハイツ101"))
        if points:
            s.add(PointsEntry(customer_id=cid, delta=points, reason="adjust", at=now()))
    return retail


class FakeOMS:
    """An order management system on 127.0.0.1:0 that answers from a script.

    `script` holds what the next requests get: an int status, or "hang" (no answer until
    the client has given up). Once it is empty every request gets 201. It takes orders
    (POST /orders) and their cancels (POST /orders/{order_no}/cancel). A 2xx records the
    order under its Idempotency-Key, as a real OMS de-duplicates.
    """

    def __init__(self, script=()) -> None:
        import json
        import re
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.script = list(script)
        self.requests: list[tuple[str, dict]] = []  # every POST that arrived
        self.paths: list[tuple[str, str]] = []  # (key, path) of each, in arrival order
        self.accepted: dict[str, list[dict]] = {}  # key -> bodies answered 2xx
        self.release = threading.Event()
        self.lock = threading.Lock()
        oms = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                key = self.headers.get("Idempotency-Key", "")
                with oms.lock:
                    oms.requests.append((key, body))
                    oms.paths.append((key, self.path))
                    step = oms.script.pop(0) if oms.script else 201
                if step == "hang":
                    oms.release.wait(5)
                    return
                if self.path != "/orders" and not re.fullmatch(r"/orders/[^/]+/cancel", self.path):
                    step = 404
                if 200 <= step < 300:
                    with oms.lock:
                        oms.accepted.setdefault(key, []).append(body)
                data = json.dumps({"key": key}).encode()
                self.send_response(step)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
