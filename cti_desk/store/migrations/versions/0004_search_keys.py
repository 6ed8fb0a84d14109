"""search keys: customers and products found by folded name, kana, phone digits, email, SKU

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 16:00:00

- customer_search_keys / product_search_keys: one row per key (cti_desk.domain.searchkeys),
  b-tree on (key, owner) for exact and prefix matches, C collation on PostgreSQL.
- the trigram index for substring matches over the name, kana and phone keys:
  SQLite: a contentless FTS5 table (tokenize='trigram'), rowid = key row id;
  PostgreSQL: pg_trgm and a partial GIN index (small pending list).
- the keys of every existing customer and product are filled in.
"""
from alembic import op
import sqlalchemy as sa

# Keys are derived data: the folding is the application's (a later change of it comes
# with a migration that fills them again).
from cti_desk.domain.searchkeys import SUBSTRING_KINDS, customer_keys, product_keys


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
SearchKey = sa.String(254).with_variant(sa.String(254, collation="C"), "postgresql")
KINDS = ", ".join(str(int(k)) for k in SUBSTRING_KINDS)
CHUNK = 5000
# (keys table, owner column, owner table, FTS5 table, GIN index)
INDEXES = (
    ("customer_search_keys", "customer_id", "customers", "customer_search_fts", "ix_customer_search_keys_trgm"),
    ("product_search_keys", "product_id", "products", "product_search_fts", "ix_product_search_keys_trgm"),
)


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    for table, owner, owners, _fts, _trgm in INDEXES:
        op.create_table(
            table,
            sa.Column('id', BigId, nullable=False),
            sa.Column(owner, BigId, nullable=False),
            sa.Column('kind', sa.SmallInteger(), nullable=False),
            sa.Column('key', SearchKey, nullable=False),
            sa.ForeignKeyConstraint([owner], [f'{owners}.id'], name=op.f(f'fk_{table}_{owner}_{owners}'),
                                    ondelete='CASCADE'),
            sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}')),
        )
    _fill_customers(bind)
    _fill_products(bind)
    if not sqlite:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, owner, _owners, fts, trgm in INDEXES:
        # Indexes after the fill: one sort instead of a million inserts into a b-tree.
        op.create_index(f'ix_{table}_{owner}', table, [owner], unique=False)
        op.create_index(f'ix_{table}_key', table, ['key', owner], unique=False)
        if sqlite:
            # Keys come folded (case_sensitive: no second folding); no ranking, so no column sizes.
            op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5(key, content='', columnsize=0, "
                       "tokenize='trigram case_sensitive 1')")
            op.execute(f"INSERT INTO {fts} (rowid, key) SELECT id, key FROM {table} WHERE kind IN ({KINDS})")
        else:
            # A small pending list: every search scans it, so a big one (4 MB by default)
            # costs each search tens of milliseconds; 64 kB still batches bulk inserts.
            op.execute(f"CREATE INDEX {trgm} ON {table} USING gin (key gin_trgm_ops) "
                       f"WITH (gin_pending_list_limit = 64) WHERE kind IN ({KINDS})")


def _insert(bind, table: str, owner: str, rows: list[dict]) -> None:
    if rows:
        t = sa.table(table, sa.column(owner), sa.column('kind'), sa.column('key'))
        bind.execute(t.insert(), rows)


def _fill_customers(bind) -> None:
    last = 0
    while True:
        people = bind.execute(sa.text(
            "SELECT id, name, name_kana FROM customers WHERE id > :last ORDER BY id LIMIT :n"
        ), {"last": last, "n": CHUNK}).all()
        if not people:
            return
        lo, hi = people[0][0], people[-1][0]
        phones: dict[int, list[str]] = {}
        emails: dict[int, list[str]] = {}
        for sql, into in (("SELECT customer_id, e164 FROM customer_phones", phones),
                          ("SELECT customer_id, email FROM customer_emails", emails)):
            for cid, value in bind.execute(sa.text(sql + " WHERE customer_id BETWEEN :lo AND :hi"),
                                           {"lo": lo, "hi": hi}):
                into.setdefault(cid, []).append(value)
        rows = [{"customer_id": cid, "kind": int(kind), "key": key}
                for cid, name, kana in people
                for kind, key in sorted(customer_keys(name, kana, phones.get(cid, ()), emails.get(cid, ())))]
        _insert(bind, "customer_search_keys", "customer_id", rows)
        last = hi


def _fill_products(bind) -> None:
    rows = [{"product_id": pid, "kind": int(kind), "key": key}
            for pid, name, kana, sku in bind.execute(sa.text("SELECT id, name, name_kana, sku FROM products"))
            for kind, key in sorted(product_keys(name, kana, sku))]
    _insert(bind, "product_search_keys", "product_id", rows)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, owner, _owners, fts, trgm in INDEXES:
        if sqlite:
            op.execute(f"DROP TABLE IF EXISTS {fts}")
        else:
            op.execute(f"DROP INDEX IF EXISTS {trgm}")
        op.drop_index(f'ix_{table}_key', table_name=table)
        op.drop_index(f'ix_{table}_{owner}', table_name=table)
        op.drop_table(table)
    # pg_trgm stays: other objects of the database may use it.
