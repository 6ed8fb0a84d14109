"""the relay: call events with a kind and a once-only key, relay heartbeats

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 10:00:00

- call_events (published by `cti-desk relay`, read by every seat on `--source relay`):
  `kind` says what a row is (`call`: a call update; `queue`: an AMI queue event the
  queue board reads; `resync`: a QueueStatus re-read starts; `agent`: an agent's state
  from a source that reports agents). `once_key` (`state:call_id` for a call's state
  change, else NULL) is unique: two relays for one PBX can never publish a call's state
  twice. Indexes: a call's events by call id (what was published of it), and by time
  (the open calls a relay taking over adopts; the retention).
- relay_heartbeats: one row per relay process, written every 2 s on the relay's own
  connection with the database's clock; seats show a banner when the active relay's
  row goes stale.
"""
import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('call_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=8), server_default='call', nullable=False))
        batch_op.add_column(sa.Column('once_key', sa.String(length=80), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_call_events_once_key'), ['once_key'])
        batch_op.create_index('ix_call_events_call_id', ['call_id', 'id'], unique=False)
        batch_op.create_index('ix_call_events_at', ['at'], unique=False)
    op.create_table(
        'relay_heartbeats',
        sa.Column('relay_id', sa.String(length=80), nullable=False),
        sa.Column('host', sa.String(length=255), nullable=False),
        sa.Column('pid', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=200), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('pbx', sa.String(length=20), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.Column('beat_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('relay_id', name=op.f('pk_relay_heartbeats')),
    )


def downgrade() -> None:
    op.drop_table('relay_heartbeats')
    with op.batch_alter_table('call_events', schema=None) as batch_op:
        batch_op.drop_index('ix_call_events_at')
        batch_op.drop_index('ix_call_events_call_id')
        batch_op.drop_constraint(batch_op.f('uq_call_events_once_key'), type_='unique')
        batch_op.drop_column('once_key')
        batch_op.drop_column('kind')
