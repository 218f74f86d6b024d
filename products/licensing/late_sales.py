"""Outlet sales reported after their royalty period was settled: settled as adjustments in the next statement.

An outlet may report a sale weeks late, after the Gutschrift for the day it was sold has been issued or paid.
The sale is real: its units left the shelf, so the import accepts it for stock. The statement that covered its
day is frozen, and the royalty run never reads a settled period again, so without this the designer's share
would be lost without anyone noticing. Instead each such sale becomes (grouped per licence and settled period)
a RoyaltyAdjustment with no statement yet: the designer's next royalty run puts it into the next statement,
and Finance sees it in the Royalties admin's adjustments list (and may correct it there before the run).

The sale is flagged `royalty_as_adjustment`, so the sales basis never counts it again in its own period
(a re-run of that period would otherwise settle it twice).

A day counts as settled for a designer when one of their issued or paid statements covers it, or when they
have no statement covering it at all and another designer's issued or paid statement does (the period was
run and closed without them).
"""

from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from .models import Licence, RoyaltyAdjustment, Statement
from .periods import Period
from .royalties import royalty_amount

SETTLED = (Statement.Status.ISSUED, Statement.Status.PAID)


def _licensed_product(product_ids):
    """The product whose licence covers each product: a variant counts for its parent."""
    Product = get_model("catalogue", "Product")
    return {pk: parent or pk for pk, parent in Product.objects.filter(pk__in=product_ids).values_list("pk",
                                                                                                      "parent_id")}


def _covering_licence(licences, day):
    for licence in licences:
        if licence.allows_sale_on(day):  # sell-off period included
            return licence
    return None


def _settling_statement(statements, designer_id, day):
    """The issued or paid statement whose period holds `day` for the designer, or None if it is still open."""
    covering = [s for s in statements if s.period_start <= day <= s.period_end]
    own = [s for s in covering if s.designer_id == designer_id]
    if own:
        settled = [s for s in own if s.status in SETTLED]
        return settled[0] if settled else None  # a draft of theirs: the next run of that period counts it
    return next((s for s in covering if s.status in SETTLED), None)


def settle_late_sales(sales, user=None):
    """Turn the late ones among freshly written OutletSale rows into royalty adjustments.

    Returns notes for the import's result page: [{"message": ...}], one per adjustment. Call in the
    transaction that writes the sales, so that both are kept or neither.
    """
    if not sales:
        return []
    first, last = min(sale.date for sale in sales), max(sale.date for sale in sales)
    statements = list(
        Statement.objects.filter(period_start__lte=last, period_end__gte=first)
        .only("pk", "designer_id", "status", "number", "period_start", "period_end")
        .order_by("period_start", "pk")
    )
    if not any(statement.status in SETTLED for statement in statements):
        return []
    licensed = _licensed_product({sale.product_id for sale in sales})
    licences = defaultdict(list)
    Through = Licence.products.through
    candidates = {
        licence.pk: licence
        for licence in Licence.objects.filter(
            Q(end_date__gte=first) | Q(sell_off_until__gte=first),
            pk__in=Through.objects.filter(product_id__in=set(licensed.values())).values("licence_id"),
            start_date__lte=last,
        ).select_related("designer")
    }
    for product_id, licence_id in Through.objects.filter(licence_id__in=candidates).values_list("product_id",
                                                                                                "licence_id"):
        licences[product_id].append(candidates[licence_id])

    groups = defaultdict(list)  # (licence, statement) -> sales
    for sale in sales:
        licence = _covering_licence(licences[licensed[sale.product_id]], sale.date)
        if licence is None:
            continue  # no licence covered the day: no royalty is owed, in this period or any other
        statement = _settling_statement(statements, licence.designer_id, sale.date)
        if statement is not None:
            groups[(licence, statement)].append(sale)

    notes, late_ids = [], []
    with translation.override(settings.LANGUAGE_CODE):  # the text is printed on the (German) statement
        for (licence, statement), group in groups.items():
            units = sum(sale.units for sale in group)
            net = sum((sale.net_revenue for sale in group), Decimal("0"))
            amount = royalty_amount(units, net, licence.royalty_percentage, licence.royalty_per_unit)
            days = sorted({sale.date for sale in group})
            text = _("Late outlet sales of %(days)s (%(outlet)s), period %(period)s already settled in %(number)s: "
                     "%(units)s unit(s), net revenue %(net)s €") % {
                "days": ", ".join(date_format(day, "SHORT_DATE_FORMAT") for day in days[:5])
                + (" …" if len(days) > 5 else ""),
                "outlet": group[0].partner.name, "period": Period(statement.period_start, statement.period_end).label,
                "number": statement.number or statement.get_status_display(), "units": units,
                "net": f"{net:.2f}".replace(".", ","),
            }
            adjustment = RoyaltyAdjustment.objects.create(
                designer_id=licence.designer_id, licence=licence, amount=amount, text=text[:300], created_by=user)
            late_ids += [sale.pk for sale in group]
            notes.append({"adjustment": adjustment.pk, "message": text})
    OutletSale = get_model("partner", "OutletSale")
    OutletSale.objects.filter(pk__in=late_ids).update(royalty_as_adjustment=True)
    return notes

