"""customers by creation time: the journey's new prospects of a date range

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 18:40:00

- customers (created_at): the KPI tab's journey counts the customers who became known
  in its range; without the index every page reads all customers (~0.1 s on 1 M, growing
  with the store).
"""
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_customers_created_at', 'customers', ['created_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_customers_created_at', table_name='customers')
