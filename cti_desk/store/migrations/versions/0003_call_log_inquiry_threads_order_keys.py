"""call log, inquiry threads, order draft keys, the ec location

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 14:50:00

- call_log: every incoming call (missed ones stay for a call-back).
- inquiry_entries: one entry per contact in an inquiry's thread, at most one per call.
- inquiries.external_id: the sender's id, unique per channel (imports, LINE, forms).
- delivery_orders.call_id / draft_key: the call an order was placed in, and the key
  fixed when the operator started it (a retry finds the first order).
- a fresh store has the location `ec`, so `import stock` works without demo data.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        'call_log',
        sa.Column('id', BigId, nullable=False),
        sa.Column('call_id', sa.String(length=64), nullable=False),
        sa.Column('raw_number', sa.String(length=64), nullable=True),
        sa.Column('e164', sa.String(length=20), nullable=True),
        sa.Column('caller_name', sa.String(length=100), nullable=True),
        sa.Column('withheld_reason', sa.String(length=20), nullable=True),
        sa.Column('resolution', sa.String(length=10), nullable=True),
        sa.Column('customer_id', BigId, nullable=True),
        sa.Column('segment', sa.String(length=20), nullable=True),
        sa.Column('queue', sa.String(length=80), nullable=True),
        sa.Column('agent', sa.String(length=80), nullable=True),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('rang_at', sa.DateTime(), nullable=False),
        sa.Column('answered_at', sa.DateTime(), nullable=True),
        sa.Column('ended_at', sa.DateTime(), nullable=True),
        sa.Column('called_back_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_call_log_customer_id_customers')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_call_log')),
        sa.UniqueConstraint('call_id', name=op.f('uq_call_log_call_id')),
    )
    with op.batch_alter_table('call_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_call_log_agent'), ['agent'], unique=False)
        batch_op.create_index(batch_op.f('ix_call_log_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_call_log_e164'), ['e164'], unique=False)
        batch_op.create_index(batch_op.f('ix_call_log_rang_at'), ['rang_at'], unique=False)

    op.create_table(
        'inquiry_entries',
        sa.Column('id', BigId, nullable=False),
        sa.Column('inquiry_id', BigId, nullable=False),
        sa.Column('call_id', sa.String(length=64), nullable=True),
        sa.Column('channel', sa.String(length=20), nullable=False),
        sa.Column('caller_number', sa.String(length=64), nullable=True),
        sa.Column('operator', sa.String(length=100), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.Column('ended_at', sa.DateTime(), nullable=True),
        sa.Column('written_at', sa.DateTime(), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('disposition', sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(['inquiry_id'], ['inquiries.id'], name=op.f('fk_inquiry_entries_inquiry_id_inquiries')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_inquiry_entries')),
        sa.UniqueConstraint('call_id', name=op.f('uq_inquiry_entries_call_id')),
    )
    with op.batch_alter_table('inquiry_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inquiry_entries_inquiry_id'), ['inquiry_id'], unique=False)

    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=100), nullable=True))
        batch_op.create_unique_constraint('uq_inquiries_channel_external_id', ['channel', 'external_id'])

    with op.batch_alter_table('delivery_orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('call_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('draft_key', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_delivery_orders_call_id'), ['call_id'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_delivery_orders_draft_key'), ['draft_key'])

    op.execute(
        "INSERT INTO locations (code, name, kind, prefecture, lead_days) "
        "SELECT 'ec', 'EC', 'ec', '', 1 WHERE NOT EXISTS (SELECT 1 FROM locations WHERE code = 'ec')"
    )


def downgrade() -> None:
    with op.batch_alter_table('delivery_orders', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_delivery_orders_draft_key'), type_='unique')
        batch_op.drop_index(batch_op.f('ix_delivery_orders_call_id'))
        batch_op.drop_column('draft_key')
        batch_op.drop_column('call_id')
    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.drop_constraint('uq_inquiries_channel_external_id', type_='unique')
        batch_op.drop_column('external_id')
    op.drop_table('inquiry_entries')
    op.drop_table('call_log')
    # The ec location stays: stock may point at it.
