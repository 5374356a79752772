"""Table models over the services' paged queries (never the whole table)."""
