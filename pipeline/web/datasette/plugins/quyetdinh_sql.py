"""SQL functions for Datasette: fold() for accent-free search, province_key() for provinces as people
type them, fts_query() and excerpt() for the search box (pipeline.units.matching), successor() for unit histories."""
from datasette import hookimpl


@hookimpl
def prepare_connection(conn):
    from pipeline.units.matching import excerpt, fts_query, province_key
    from pipeline.units.normalize import fold_diacritics, nfc

    def fold(text):
        return fold_diacritics(nfc(text)) if text else text

    def successor(unit_id, on):
        if not unit_id or not on:
            return None
        from datetime import date

        from pipeline.units.registry import successor_on
        try:
            return successor_on(unit_id, date.fromisoformat(on[:10]))
        except ValueError:
            return None

    conn.create_function("fold", 1, fold, deterministic=True)
    conn.create_function("successor", 2, successor)
    conn.create_function("province_key", 1, province_key, deterministic=True)
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    conn.create_function("excerpt", 2, excerpt, deterministic=True)
