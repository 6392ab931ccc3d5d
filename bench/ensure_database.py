"""Create DATABASE_URL's PostgreSQL database if it does not exist yet (`make seed-scale` runs it
first, so the scale data can go into a database named on the command line). Nothing to do on
SQLite, whose file `migrate` creates."""

import os
import sys
from urllib.parse import urlparse


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return 0
    import psycopg
    from psycopg import sql

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return 0
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    print(f"Created the PostgreSQL database {name}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
