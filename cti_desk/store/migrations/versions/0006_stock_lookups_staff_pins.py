"""stock lookups (demand seen during calls and at kiosks) and staff PINs

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 17:40:00

- stock_lookups: each product whose stock an operator looked up during a call, or staff
  looked up at a shop's kiosk, with what was available near the asker then. The KPI
  "products most asked for while out of stock where the caller was" counts these rows;
  stock levels of the past are not kept anywhere else.
- staff_pins: the kiosk's staff PIN, as a scrypt hash (cti-desk kiosk set-pin).
"""
import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table(
        'stock_lookups',
        sa.Column('id', BigId, nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('product_id', BigId, nullable=False),
        sa.Column('channel', sa.String(length=10), nullable=False),
        sa.Column('call_id', sa.String(length=64), nullable=True),
        sa.Column('customer_id', BigId, nullable=True),
        sa.Column('shop', sa.String(length=20), nullable=True),
        sa.Column('prefecture', sa.String(length=10), nullable=False),
        sa.Column('available_near', sa.Integer(), nullable=False),
        sa.Column('available_total', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['product_id'], ['products.id'],
                                name=op.f('fk_stock_lookups_product_id_products')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_lookups')),
    )
    op.create_index(op.f('ix_stock_lookups_at'), 'stock_lookups', ['at'], unique=False)
    op.create_table(
        'staff_pins',
        sa.Column('scope', sa.String(length=40), nullable=False),
        sa.Column('pin_hash', sa.String(length=255), nullable=False),
        sa.Column('set_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('scope', name=op.f('pk_staff_pins')),
    )


def downgrade() -> None:
    op.drop_table('staff_pins')
    op.drop_index(op.f('ix_stock_lookups_at'), table_name='stock_lookups')
    op.drop_table('stock_lookups')
