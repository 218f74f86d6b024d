"""Outlet sales reports: a CSV upload (or one form entry) validated as a whole, then written in one go.

Rules: any bad row rejects the whole report with a per-row error list and writes no sale, no stock change
and no movement; the same file is accepted only once (SHA-256 of its bytes); German spreadsheet files
(semicolons, decimal commas, Windows-1252) are accepted. Progress: the import record's `rows_processed`
is saved (outside the data transaction) while rows are checked, and the result page reads it.
"""

import csv
import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from products.licensing import late_sales
from products.licensing.availability import sales_after_licence_notes
from shop.vat import net_from_gross, rate_for

from . import services
from .exceptions import InsufficientStock, StockError

StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")
OutletSale = get_model("partner", "OutletSale")
OutletSalesImport = get_model("partner", "OutletSalesImport")

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 1000
# The columns' limits (OutletSale: DecimalField(max_digits=12, decimal_places=2), PositiveIntegerField).
MAX_AMOUNT = Decimal("10000000000")
MAX_UNITS = 2**31 - 1
# Far longer than any import takes (10,000 rows: a few seconds, see `manage.py bench_stock`).
ABANDONED_AFTER = timedelta(minutes=30)
# Column names as written by our template (English) and by hand in German spreadsheets.
HEADER_ALIASES = {
    "date": "date", "datum": "date",
    "sku": "sku", "artikelnummer": "sku", "artikel": "sku",
    "quantity": "quantity", "menge": "quantity", "anzahl": "quantity",
    "gross_price": "gross_price", "gross price": "gross_price", "bruttopreis": "gross_price", "preis": "gross_price",
}
COLUMNS = ("date", "sku", "quantity", "gross_price")


@dataclass
class Row:
    number: int
    date: date
    sku: str
    quantity: int
    gross_price: Decimal


class ImportRefused(Exception):
    """The whole report is refused; `errors` lists (row number or None, message)."""

    def __init__(self, errors, sales_import=None):
        self.errors = errors
        self.sales_import = sales_import
        super().__init__("; ".join(message for _row, message in errors))


def decode(data):
    """Text of an uploaded file: UTF-8 (with or without BOM), else Windows-1252 as German Excel writes it."""
    if b"\x00" in data:
        raise ImportRefused([(None, _("The file is not a CSV text file (save it as CSV UTF-8 or CSV Windows)."))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse_decimal(text):
    text = text.strip().replace("€", "").replace(" ", "")
    if "," in text:
        # German notation: 1.234,50
        text = text.replace(".", "").replace(",", ".")
    return Decimal(text)


def parse_date(text):
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def read_rows(text):
    """Parse the CSV text into Rows; returns (rows, errors)."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return [], [(None, _("The file is empty."))]
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [HEADER_ALIASES.get(cell.strip().lower()) for cell in next(reader)]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        message = _("The header row must name the columns date, sku, quantity, gross_price; missing: %(missing)s.")
        return [], [(1, message % {"missing": ", ".join(missing)})]
    index = {column: header.index(column) for column in COLUMNS}
    rows, errors, today = [], [], timezone.localdate()
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < len(header):
            errors.append((number, _("Too few columns (%(found)s of %(expected)s).") % {
                "found": len(cells), "expected": len(header)}))
            continue
        row_errors = []
        try:
            sale_date = parse_date(cells[index["date"]])
            if sale_date > today:
                row_errors.append(_("The date %(date)s is in the future.") % {"date": sale_date.isoformat()})
        except ValueError:
            sale_date = None
            row_errors.append(_("“%(value)s” is not a date (use 2026-03-31 or 31.03.2026).") % {
                "value": cells[index["date"]]})
        sku = cells[index["sku"]].strip()
        if not sku:
            row_errors.append(_("The SKU is missing."))
        try:
            quantity = int(cells[index["quantity"]].strip())
            if quantity <= 0:
                raise ValueError
        except ValueError:
            quantity = None
            row_errors.append(_("The quantity “%(value)s” is not a whole number greater than zero.") % {
                "value": cells[index["quantity"]]})
        try:
            price = parse_decimal(cells[index["gross_price"]])
            if price < 0 or price != price.quantize(Decimal("0.01")):
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            price = None
            row_errors.append(_("The gross price “%(value)s” is not an amount in euros and cents.") % {
                "value": cells[index["gross_price"]]})
        if price is not None and quantity is not None and (
                quantity > MAX_UNITS or price * quantity >= MAX_AMOUNT):
            row_errors.append(_("%(quantity)s × %(price)s € is more than a sales line can hold; check the row.") % {
                "quantity": quantity, "price": price})
        if row_errors:
            errors.extend((number, message) for message in row_errors)
        else:
            rows.append(Row(number, sale_date, sku, quantity, price))
    if not rows and not errors:
        errors.append((None, _("The file has no sales rows.")))
    return rows, errors


def _save_progress(sales_import, processed):
    if sales_import is not None and sales_import.pk:
        OutletSalesImport.objects.filter(pk=sales_import.pk).update(rows_processed=processed)


def check_rows(partner, rows, sales_import=None):
    """Errors of rows that parse but do not fit the outlet's stock; returns (errors, records by SKU)."""
    errors, seen = [], {}
    skus = {row.sku for row in rows}
    own = {
        record.partner_sku: record
        for record in StockRecord.objects.filter(partner=partner, partner_sku__in=skus).select_related(
            "product__parent"
        )
    }
    # An SKU may be stocked by several other partners (the workshop and an outlet): name them all, in a fixed order.
    foreign = {}
    for sku, owner in (
        StockRecord.objects.filter(partner_sku__in=skus - set(own)).exclude(partner=partner)
        .order_by("partner__name").values_list("partner_sku", "partner__name")
    ):
        foreign[sku] = f"{foreign[sku]}, {owner}" if sku in foreign else owner
    needed = {}
    for position, row in enumerate(rows, start=1):
        key = (row.date, row.sku, row.quantity, row.gross_price)
        if key in seen:
            errors.append((row.number, _("Duplicate of row %(row)s; put the total quantity into one row.") % {
                "row": seen[key]}))
        else:
            seen[key] = row.number
        if row.sku in own:
            needed[row.sku] = needed.get(row.sku, 0) + row.quantity
        elif row.sku in foreign:
            errors.append((row.number, _("SKU %(sku)s is stock of %(owner)s, not of %(partner)s.") % {
                "sku": row.sku, "owner": foreign[row.sku], "partner": partner.name}))
        else:
            errors.append((row.number, _("Unknown SKU %(sku)s.") % {"sku": row.sku}))
        if position % PROGRESS_EVERY == 0:
            _save_progress(sales_import, position)
    for sku, units in needed.items():
        record = own[sku]
        if units > record.net_stock_level:
            errors.append((None, _("The report sells %(units)s unit(s) of %(sku)s but %(partner)s has %(stock)s in "
                                   "stock; record the missing transfer first.") % {
                "units": units, "sku": sku, "partner": partner.name, "stock": record.net_stock_level}))
    return errors, own


def _write(partner, rows, records, sales_import, user):
    """Write sales lines and the stock decreases (through the stock service); all or nothing."""
    with transaction.atomic():
        reference = f"sales:{sales_import.pk.hex[:12]}"
        now = timezone.now()
        try:
            # The stock may have been sold or transferred since the rows were checked: the service re-checks
            # on the locked rows.
            services.apply_changes([
                services.Change(records[row.sku], -row.quantity, StockMovement.Kind.OUTLET_SALE,
                                reason=_("sold on %(date)s") % {"date": row.date.isoformat()},
                                reference=reference, user=user, created_at=now)
                for row in rows
            ])
        except (InsufficientStock, StockError) as refused:
            raise ImportRefused([(None, _("The stock changed meanwhile (%(error)s); upload the report again.")
                                  % {"error": refused})]) from None
        sales = OutletSale.objects.bulk_create([
            OutletSale(
                partner=partner, product=records[row.sku].product, date=row.date, units=row.quantity,
                gross_unit_price=row.gross_price,
                vat_rate=(rate := rate_for(records[row.sku].product)),
                net_revenue=net_from_gross(row.gross_price * row.quantity, rate),
                sales_import=sales_import,
            ) for row in rows
        ], batch_size=2000)
        notes = late_sales.settle_late_sales(sales, user=user) + sales_after_licence_notes(sales)
        OutletSalesImport.objects.filter(pk=sales_import.pk).update(
            status=OutletSalesImport.Status.ACCEPTED, rows_processed=len(rows), notes=notes)


def import_rows(partner, rows, user=None, file_name="", content_hash=""):
    """Validate and write parsed rows for an outlet. Returns the accepted import or raises ImportRefused."""
    if content_hash:
        _refuse_if_known(content_hash)
    try:
        with transaction.atomic():
            sales_import = OutletSalesImport.objects.create(
                partner=partner, file_name=file_name[:255], content_hash=content_hash, rows_total=len(rows),
                created_by=user,
            )
    except IntegrityError:
        # The same file sent twice at the same moment: the unique constraint lets one through.
        _refuse_if_known(content_hash)
        raise
    try:
        errors, records = check_rows(partner, rows, sales_import)
        if not errors:
            _write(partner, rows, records, sales_import, user)
    except ImportRefused as refused:
        errors = refused.errors
    except Exception:
        # Anything else (a database error, a bug): _write's transaction rolled back every sale and movement.
        # The import must not stay "processing", or the file could never be sent again.
        logger.exception("Outlet sales import %s failed while writing", sales_import.pk)
        errors = [(None, _("The import failed while writing; nothing was imported. Please upload the file "
                           "again, or contact the site's administrators if this happens again."))]
    if errors:
        _reject(sales_import, errors)
        raise ImportRefused(errors, sales_import)
    sales_import.refresh_from_db()
    return sales_import


def _refuse_if_known(content_hash):
    # An import still "processing" long after it started was cut off (a killed worker): its data transaction
    # never committed (the status becomes "accepted" inside it), so nothing of it exists and the file may come again.
    OutletSalesImport.objects.filter(
        content_hash=content_hash, status=OutletSalesImport.Status.PROCESSING,
        created_at__lt=timezone.now() - ABANDONED_AFTER,
    ).update(status=OutletSalesImport.Status.REJECTED, errors=[
        {"row": None, "message": str(_("The import was interrupted; nothing was imported."))}])
    earlier = OutletSalesImport.objects.filter(content_hash=content_hash).exclude(
        status=OutletSalesImport.Status.REJECTED).first()
    if earlier is not None:
        raise ImportRefused([(None, _("This file was already uploaded on %(date)s; it is not imported twice.") % {
            "date": timezone.localtime(earlier.created_at).strftime("%d.%m.%Y %H:%M")})])


def _reject(sales_import, errors):
    sales_import.status = OutletSalesImport.Status.REJECTED
    sales_import.errors = [{"row": row, "message": str(message)} for row, message in errors]
    sales_import.save(update_fields=["status", "errors"])


def max_upload_bytes():
    return settings.OUTLET_SALES_MAX_UPLOAD_BYTES


def too_large_message():
    return _("The file is larger than %(limit)s; split it into several files (e.g. one per month).") % {
        "limit": filesizeformat(max_upload_bytes())}


def import_csv(partner, data, user=None, file_name=""):
    """Import an uploaded CSV file's bytes for the outlet `partner`."""
    if len(data) > max_upload_bytes():
        raise ImportRefused([(None, too_large_message())])
    content_hash = hashlib.sha256(data).hexdigest()
    _refuse_if_known(content_hash)
    rows, errors = read_rows(decode(data))
    if errors:
        # List every problem of the file at once, also those of the rows that parsed.
        errors = sorted(errors + check_rows(partner, rows)[0], key=lambda error: (error[0] or 0))
        sales_import = OutletSalesImport.objects.create(
            partner=partner, file_name=file_name[:255], rows_total=len(rows) + len(errors), created_by=user,
            status=OutletSalesImport.Status.PROCESSING,
        )
        _reject(sales_import, errors)
        raise ImportRefused(errors, sales_import)
    return import_rows(partner, rows, user, file_name, content_hash)


def record_sale(partner, stockrecord, sale_date, quantity, gross_price, user=None):
    """One sale entered with the dashboard form: the same checks as a one-row upload."""
    rows, errors = read_rows(f"date;sku;quantity;gross_price\n{sale_date.isoformat()};{stockrecord.partner_sku};"
                             f"{quantity};{gross_price}")
    if errors:
        raise ImportRefused(errors)
    return import_rows(partner, rows, user, file_name=_("form entry"))
