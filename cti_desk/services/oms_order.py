"""The JSON body a delivery order is sent to the OMS with (CONTRACT.md: Order for delivery).
Keys may be added, never renamed: the OMS and its scripts read them."""

from __future__ import annotations

from datetime import UTC

from cti_desk.domain.delivery import OrderDraft
from cti_desk.domain.model import Channel
from cti_desk.store.models import DeliveryOrder


def oms_payload(order: DeliveryOrder, draft: OrderDraft, products: dict, locations: dict,
                channel: str = Channel.CALL_CENTER.value, shop: str | None = None) -> dict:
    """The JSON the OMS receives (CONTRACT.md: Order for delivery). `shop`, added: the
    shop whose kiosk took the order (channel "store"); null for the call center's."""
    return {
        "order_no": order.order_no,
        "channel": channel,
        "shop": shop,
        "customer_id": order.customer_id,
        "call_id": order.call_id,
        "inquiry_id": order.inquiry_id,
        "created_at": order.created_at.replace(tzinfo=UTC).isoformat(timespec="seconds"),
        "delivery": {
            "recipient": order.recipient, "phone": order.phone, "postal_code": order.postal_code,
            "prefecture": order.prefecture, "city": order.city, "line1": order.line1,
            "line2": order.line2, "date": order.delivery_date.isoformat(), "slot": order.slot,
        },
        "payment": order.payment,
        "points_used": order.points_used,
        "total": order.total,
        "amount_due": order.total - order.points_used,
        "lines": [
            {
                "sku": products[ln.product_id].sku, "jan": products[ln.product_id].jan,
                "name": products[ln.product_id].name, "quantity": ln.quantity,
                "unit_price": ln.unit_price, "ship_from": locations[ln.location_id].code,
            }
            for ln in draft.lines
        ],
    }
