"""indexes for the KPIs of issue 11: purchases and inquiries by time

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 16:10:00

- purchases (purchased_at, customer_id): the journey reads who bought in a date range
  from the index alone, then each of them's first two purchases (by customer and time);
  without it every page scans every purchase.
- inquiries (opened_at): the stock inquiries of a date range.
The call KPIs themselves use call_log's rang_at and call_id indexes (0003).
"""
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_purchases_time_customer', 'purchases', ['purchased_at', 'customer_id'], unique=False)
    op.create_index('ix_inquiries_opened_at', 'inquiries', ['opened_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_inquiries_opened_at', table_name='inquiries')
    op.drop_index('ix_purchases_time_customer', table_name='purchases')
