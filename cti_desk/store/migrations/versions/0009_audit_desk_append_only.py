"""audit log: the desk of each row, searchable by person and date, append-only

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 19:30:00

- audit_log.desk: the computer a row was written from (settings [seat] desk=, else the
  host name); rows from before this migration have "".
- indexes (at) and (actor, at): a supervisor searches the log by date and by person
  (by customer uses ix_audit_log_customer_id).
- triggers that refuse UPDATE and DELETE of audit rows (and TRUNCATE on PostgreSQL), so
  the log stays append-only whatever program writes to the store. A later migration that
  rebuilds audit_log on SQLite (batch mode copies the table) must create them again.
  On PostgreSQL, also take the rights away from the application's role (the table's
  owner, e.g. the role that ran `cti-desk db upgrade`, keeps them):
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM cti_app;
"""
import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

REFUSAL = 'audit_log is append-only'


def upgrade() -> None:
    op.add_column('audit_log', sa.Column('desk', sa.String(length=100), server_default='', nullable=False))
    op.create_index('ix_audit_log_at', 'audit_log', ['at'], unique=False)
    op.create_index('ix_audit_log_actor_at', 'audit_log', ['actor', 'at'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(f"""
            CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'insufficient_privilege';
            END $$""")
        op.execute("""
            CREATE TRIGGER audit_log_append_only
            BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()""")
    else:
        for event in ('UPDATE', 'DELETE'):
            op.execute(f"""
                CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log
                BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END""")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP TRIGGER audit_log_append_only ON audit_log')
        op.execute('DROP FUNCTION audit_log_append_only()')
    else:
        for event in ('update', 'delete'):
            op.execute(f'DROP TRIGGER audit_log_no_{event}')
    op.drop_index('ix_audit_log_actor_at', table_name='audit_log')
    op.drop_index('ix_audit_log_at', table_name='audit_log')
    with op.batch_alter_table('audit_log') as batch_op:
        batch_op.drop_column('desk')

