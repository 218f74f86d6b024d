"""CSV files safe to open in a spreadsheet (CSV formula injection, OWASP; issue 12).

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and tab or carriage return
can hide such a start. Every CSV the site writes goes through ``neutralize_row`` (``writer``, ``SafeUnicodeCSVWriter``).

The rule: a *text* cell starting with one of ``= + - @ \\t \\r`` gets a single quote in front (OWASP's advice), so a
spreadsheet shows it as text. Numbers stay numbers: ``Decimal``/``int``/``float`` values, and text that is nothing but
a plain decimal number (``"-12.50"``, which is how the royalty CSVs write amounts), are written unchanged, so the
accountant's negative amounts still add up. ``"-12.50+A1"`` or ``"-1,5"`` are not plain numbers and are neutralised.
"""

import csv
import re
from decimal import Decimal

from oscar.core.compat import UnicodeCSVWriter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?\Z")


def neutralize(value):
    """One cell: text that a spreadsheet would run as a formula gets a leading ``'``; anything else as it is."""
    if isinstance(value, (bool, int, float, Decimal)) or value is None:
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def neutralize_row(row):
    return [neutralize(value) for value in row]


class SafeWriter:
    """``csv.writer`` with every cell neutralised."""

    def __init__(self, file, **kwargs):
        self._writer = csv.writer(file, **kwargs)

    def writerow(self, row):
        return self._writer.writerow(neutralize_row(row))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(file, **kwargs):
    return SafeWriter(file, **kwargs)


class SafeUnicodeCSVWriter(UnicodeCSVWriter):
    """Oscar's CSV writer (dashboard order export, dashboard reports) with every cell neutralised."""

    def writerow(self, row):
        return super().writerow(neutralize_row(row))
