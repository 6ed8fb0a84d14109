"""delivery orders' life after the call: their status steps

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 10:00:00

- order_status_steps: each step of a delivery order (placed, shipped, delivered,
  cancelled) with its time, its source (oms, operator, system), who and why; a status at
  most once per order (the unique pair is also the index of an order's timeline).
- every order placed before this migration gets its `placed` step (its created_at, its
  operator). Their points were earned at placing; services/order_life.py does not earn
  them a second time on delivery.
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table(
        'order_status_steps',
        sa.Column('id', BigId, nullable=False),
        sa.Column('order_id', BigId, nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('source', sa.String(length=10), nullable=False),
        sa.Column('actor', sa.String(length=100), nullable=False),
        sa.Column('reason', sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(['order_id'], ['delivery_orders.id'],
                                name=op.f('fk_order_status_steps_order_id_delivery_orders')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_order_status_steps')),
        sa.UniqueConstraint('order_id', 'status', name='uq_order_status_steps_order_status'),
    )
    op.execute(
        "INSERT INTO order_status_steps (order_id, status, at, source, actor, reason) "
        "SELECT id, 'placed', created_at, 'operator', operator, '' FROM delivery_orders"
    )


def downgrade() -> None:
    op.drop_table('order_status_steps')
