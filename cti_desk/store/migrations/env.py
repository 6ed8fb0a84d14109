from alembic import context

from cti_desk.store.models import Base
from cti_desk.store.search_keys import include_name

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_name=include_name,  # the trigram indexes live outside the model
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
