"""The open exchange format: every figure of a database, readable without this program.

``xz export DB -o FILE.json`` (or ``.csv``) writes one record per figure with the unit code, the
indicator code, the ISO 8601 period, the value in the indicator's entry measure, its completeness and
its source. An aggregating database adds its own totals (unit = the database's code at the level
above), with the numerator and denominator of every ratio so the receiver can compute ratios of sums.
docs/exchange.md is the format's specification.
"""

from .export import FORMAT_NAME, FORMAT_VERSION, ExchangeRecord, ExportedExchange, exchange_records, export_exchange

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ExchangeRecord",
    "ExportedExchange",
    "exchange_records",
    "export_exchange",
]
