"""The royalty run: one draft statement per designer for a month or quarter, computed from the sales basis.

Running it again for the same period changes nothing unless the underlying data changed; issued and paid
statements are never touched. Everything is written in one transaction: a refusal writes nothing.
"""

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from core import locks
from shop.vat import cents

from . import royalties
from .models import Licence, RoyaltyAdjustment, RoyaltyRun, Statement, StatementLine
from .periods import Period, settleable
from .sales import ONLINE, partner_of, sales_basis

Kind = StatementLine.Kind
SETTLED = (Statement.Status.ISSUED, Statement.Status.PAID)
# One lock for every run and every issue (core.locks; not the Gutschrift counter's row, which is only locked
# while a number is taken). Global rather than per period: a run reads other periods too (overlaps, earlier
# drafts, carry-overs), and issues are serialised by the number counter anyway, so it costs nothing.
RUN_LOCK = "royalty-run"


@dataclass
class RunResult:
    run: RoyaltyRun
    statements: list = field(default_factory=list)

    @property
    def unlicensed(self):
        return self.run.unlicensed


def _money(amount):
    return f"{amount:.2f}".replace(".", ",") + " €"


def _day(day):
    return date_format(day, "d.m.Y")


def check_period_is_free(period):
    """Refuse periods that would settle a sale twice or out of order."""
    problems = []
    overlapping = Statement.objects.filter(period_start__lte=period.end, period_end__gte=period.start).exclude(
        period_start=period.start, period_end=period.end
    )
    if overlapping.exists():
        problems.append(
            _("Statements for an overlapping period exist (%(periods)s): settle either months or quarters.")
            % {"periods": ", ".join(sorted({f"{s.period_start:%Y-%m-%d}–{s.period_end:%Y-%m-%d}"
                                             for s in overlapping[:5]}))}
        )
    later = Statement.objects.filter(period_start__gt=period.end)
    if later.exists():
        problems.append(
            _("Statements for later periods exist: corrections of %(period)s go into the next statement as "
              "adjustments.") % {"period": period.label}
        )
    earlier_drafts = Statement.objects.filter(status=Statement.Status.DRAFT, period_end__lt=period.start)
    if earlier_drafts.exists():
        problems.append(
            _("Issue the earlier draft statements first (%(drafts)s): their carry-overs feed this period.")
            % {"drafts": ", ".join(str(s) for s in earlier_drafts.select_related("designer")[:5])}
        )
    without_terms = Licence.objects.filter(
        start_date__lte=period.end, end_date__gte=period.start, royalty_percentage__isnull=True,
        royalty_per_unit__isnull=True,
    )
    if without_terms.exists():
        problems.append(
            _("These licences have no royalty terms; complete them first: %(licences)s.")
            % {"licences": ", ".join(licence.contract_number for licence in without_terms)}
        )
    if problems:
        raise ValidationError(problems)


def _licences_by_product(licences):
    Through = Licence.products.through
    by_product = defaultdict(list)
    by_pk = {licence.pk: licence for licence in licences}
    for product_id, licence_id in Through.objects.filter(licence_id__in=by_pk).values_list("product_id",
                                                                                           "licence_id"):
        by_product[product_id].append(by_pk[licence_id])
    return by_product


def _covering(candidates, first, last):
    for licence in candidates:
        # Sales in the sell-off period are the licence's too: the contract allows them and royalties are owed.
        if licence.start_date <= first and licence.sales_until >= last:
            return licence
    return None


def _product_info(product_ids):
    Product = get_model("catalogue", "Product")
    rows = Product.objects.filter(pk__in=product_ids).values_list("pk", "parent_id", "title", "upc")
    info = {pk: {"parent": parent, "title": title, "upc": upc} for pk, parent, title, upc in rows}
    parents = {row["parent"] for row in info.values() if row["parent"] and row["parent"] not in info}
    for pk, parent, title, upc in Product.objects.filter(pk__in=parents).values_list("pk", "parent_id", "title",
                                                                                     "upc"):
        info[pk] = {"parent": parent, "title": title, "upc": upc}
    return info


def _channel_names(channels):
    Partner = get_model("partner", "Partner")
    ids = {partner_of(channel) for channel in channels} - {None}
    names = {f"outlet:{pk}": name for pk, name in Partner.objects.filter(pk__in=ids).values_list("pk", "name")}
    names[ONLINE] = "Online-Shop"
    return names


def collect_royalty_lines(period, designer_id=None):
    """(royalty line dicts per designer id, unlicensed sales rows, number of sales rows, licences) for the period.

    With `designer_id`, only that designer's licensed products are read (the portal's running period).
    """
    licences = Licence.objects.filter(
        Q(end_date__gte=period.start) | Q(sell_off_until__gte=period.start), start_date__lte=period.end
    )
    if designer_id is not None:
        licences = licences.filter(designer_id=designer_id)
    licences = list(licences.select_related("designer"))
    by_product = _licences_by_product(licences)
    product_ids = None if designer_id is None else sorted(by_product)
    sums = defaultdict(lambda: [0, Decimal("0")])  # (licence, year, product, channel, month) -> units, net
    unlicensed = defaultdict(lambda: [0, Decimal("0")])
    sales_rows = 0
    basis = []
    for first, last in royalties.sub_periods(licences, period.start, period.end):
        rows = sales_basis(first, last, product_ids)
        sales_rows += len(rows)
        basis.append((first, last, rows))
    info = _product_info({row.product_id for _f, _l, rows in basis for row in rows if row.product_id})
    for first, last, rows in basis:
        for row in rows:
            product = info.get(row.product_id)
            root = (product["parent"] or row.product_id) if product else None
            licence = _covering(by_product.get(root, ()), first, last) if root else None
            if licence is None:
                entry = unlicensed[(root, row.channel)]
            else:
                year = royalties.licence_year(licence, first).number
                entry = sums[(licence.pk, year, root, row.channel, first.replace(day=1))]
            entry[0] += row.units
            entry[1] += row.net_revenue
    channel_names = _channel_names({key[3] for key in sums} | {key[1] for key in unlicensed})
    licence_by_pk = {licence.pk: licence for licence in licences}
    per_designer = defaultdict(list)
    for (licence_pk, year, product_id, channel, month), (units, net) in sums.items():
        licence = licence_by_pk[licence_pk]
        per_designer[licence.designer_id].append({
            "kind": Kind.ROYALTY, "licence": licence, "contract_number": licence.contract_number,
            "licence_year": year, "product_id": product_id, "product_title": info[product_id]["title"],
            "product_upc": info[product_id]["upc"] or "", "channel": channel,
            "channel_name": channel_names.get(channel, channel), "sales_month": month, "units": units,
            "net_revenue": cents(net), "royalty_percentage": licence.royalty_percentage,
            "royalty_per_unit": licence.royalty_per_unit,
            "amount": royalties.royalty_amount(units, cents(net), licence.royalty_percentage,
                                               licence.royalty_per_unit),
            "text": "",
        })
    report = [
        {"product_id": product_id, "title": info[product_id]["title"] if product_id in info else _("deleted product"),
         "upc": (info[product_id]["upc"] or "") if product_id in info else "", "channel": channel,
         "channel_name": channel_names.get(channel, channel), "units": units, "net_revenue": str(cents(net))}
        for (product_id, channel), (units, net) in sorted(unlicensed.items(), key=lambda item: str(item[0]))
    ]
    for lines in per_designer.values():
        lines.sort(key=lambda line: (line["product_title"], line["channel_name"], line["sales_month"]))
    return per_designer, report, sales_rows, licences


def _earned_in_licence_years(licence_years):
    """Royalties already settled per (licence, licence year) in issued statements."""
    if not licence_years:
        return {}
    query = Q()
    for licence_pk, year in licence_years:
        query |= Q(licence_id=licence_pk, licence_year=year)
    rows = (
        StatementLine.objects.filter(query, kind=Kind.ROYALTY, statement__status__in=SETTLED)
        .values("licence_id", "licence_year")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {(row["licence_id"], row["licence_year"]): row["total"] or Decimal("0") for row in rows}


def _recouped_so_far(licences):
    rows = (
        StatementLine.objects.filter(licence__in=licences, kind=Kind.RECOUPMENT, statement__status__in=SETTLED)
        .values("licence_id")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {row["licence_id"]: -(row["total"] or Decimal("0")) for row in rows}


def guarantee_lines(period, licences, lines_by_designer):
    """Top-ups where a licence year ending in the period earned less than its minimum guarantee."""
    due = [
        (licence, year)
        for licence in licences
        if licence.minimum_guarantee > 0
        for year in royalties.licence_year_ends(licence, period.start, period.end)
    ]
    earned_before = _earned_in_licence_years([(licence.pk, year.number) for licence, year in due])
    top_ups = defaultdict(list)
    for licence, year in due:
        earned = earned_before.get((licence.pk, year.number), Decimal("0")) + sum(
            (line["amount"] for line in lines_by_designer.get(licence.designer_id, ())
             if line["licence"] == licence and line["licence_year"] == year.number),
            Decimal("0"),
        )
        if earned < licence.minimum_guarantee:
            top_ups[licence.designer_id].append({
                "kind": Kind.GUARANTEE, "licence": licence, "contract_number": licence.contract_number,
                "licence_year": year.number, "amount": licence.minimum_guarantee - earned,
                "text": f"Mindestgarantie Lizenzjahr {year.number} ({_day(year.start)}–{_day(year.end)}): "
                        f"garantiert {_money(licence.minimum_guarantee)}, erzielt {_money(earned)}",
            })
    return top_ups


def recoupment_lines(licences, lines):
    """Advances are recouped from what a licence earns in this statement, until they are paid back."""
    with_advance = [licence for licence in licences if licence.advance > 0]
    recouped_before = _recouped_so_far(with_advance)
    result = []
    for licence in with_advance:
        earned = sum((line["amount"] for line in lines if line.get("licence") == licence), Decimal("0"))
        open_before = licence.advance - recouped_before.get(licence.pk, Decimal("0"))
        recouped = min(open_before, earned)
        if recouped > 0:
            result.append({
                "kind": Kind.RECOUPMENT, "licence": licence, "contract_number": licence.contract_number,
                "amount": -recouped,
                "text": f"Verrechnung Vorschuss {_money(licence.advance)}: offen vorher {_money(open_before)}, "
                        f"verrechnet {_money(recouped)}, offen danach {_money(open_before - recouped)}",
            })
    return result


def _fingerprint(lines, totals, adjustments):
    data = {
        "lines": [{key: str(value.pk if isinstance(value, Licence) else value) for key, value in sorted(line.items())}
                  for line in lines],
        "totals": {key: str(value) for key, value in vars(totals).items()},
        "adjustments": sorted(adjustment.pk for adjustment in adjustments),
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _write_draft(statement, designer, period, lines, totals, fingerprint, adjustments):
    """Create or rewrite the draft; None (and nothing written) when `statement` is no longer a draft."""
    fields = {
        "vat_status": designer.vat_status,
        "royalty_total": sum(
            (line["amount"] for line in lines if line["kind"] in (Kind.ROYALTY, Kind.GUARANTEE)), Decimal("0")
        ),
        **vars(totals),
        "content_hash": fingerprint,
    }
    if statement is None:
        statement = Statement.objects.create(
            designer=designer, period_start=period.start, period_end=period.end, **fields
        )
    else:
        # Only ever a draft: an issued Gutschrift is frozen, whatever this run read before.
        if not Statement.objects.filter(pk=statement.pk, status=Statement.Status.DRAFT).update(
            **fields, updated_at=timezone.now()
        ):
            return None
        for name, value in fields.items():
            setattr(statement, name, value)
        statement.lines.all().delete()
    StatementLine.objects.bulk_create(
        StatementLine(statement=statement, position=position, **{
            key: value for key, value in line.items() if key != "product_id"
        }, product_id=line.get("product_id"))
        for position, line in enumerate(lines, 1)
    )
    RoyaltyAdjustment.objects.filter(pk__in=[adjustment.pk for adjustment in adjustments]).update(statement=statement)
    return statement


def build_statement(designer, period, royalty_lines, top_ups, licences, existing=None):
    """(lines, totals, adjustments) of the designer's statement for the period, not yet saved."""
    designer_licences = [licence for licence in licences if licence.designer_id == designer.pk]
    lines = list(royalty_lines) + list(top_ups)
    lines += recoupment_lines(designer_licences, lines)
    adjustments = list(
        RoyaltyAdjustment.objects.filter(designer=designer)
        .filter(Q(statement__isnull=True) | Q(statement=existing) if existing else Q(statement__isnull=True))
        .select_related("licence")
        .order_by("created_at", "pk")
    )
    for adjustment in adjustments:
        lines.append({"kind": Kind.ADJUSTMENT, "licence": adjustment.licence,
                      "contract_number": adjustment.licence.contract_number if adjustment.licence else "",
                      "amount": adjustment.amount, "text": adjustment.text})
    previous = (
        Statement.objects.filter(designer=designer, status__in=SETTLED, period_end__lt=period.start)
        .order_by("-period_end")
        .first()
    )
    if previous is not None and previous.carried_forward:
        lines.append({"kind": Kind.CARRIED_IN, "amount": previous.carried_forward,
                      "text": f"Übertrag aus Gutschrift {previous.number} (unter der Auszahlungsgrenze)"})
    net_total = sum((line["amount"] for line in lines), Decimal("0"))
    return lines, royalties.settle(net_total, designer.vat_status), adjustments


@transaction.atomic
def run_royalties(period, user=None):
    """Create or refresh the draft statements of `period` (a settleable periods.Period)."""
    settleable(period.start, period.end)
    locks.hold(RUN_LOCK)  # one run at a time, and no issuing meanwhile; everything below is read under it
    check_period_is_free(period)
    royalty_lines, unlicensed, sales_rows, licences = collect_royalty_lines(period)
    top_ups = guarantee_lines(period, licences, royalty_lines)
    Designer = get_model("designers", "Designer")
    existing = {s.designer_id: s for s in Statement.objects.filter(period_start=period.start, period_end=period.end)}
    carrying = Statement.objects.filter(status__in=SETTLED, period_end__lt=period.start).exclude(carried_forward=0)
    candidates = (
        set(royalty_lines) | set(top_ups)
        | set(RoyaltyAdjustment.objects.filter(statement__isnull=True).values_list("designer_id", flat=True))
        | set(carrying.values_list("designer_id", flat=True))
        | set(existing)
    )
    run = RoyaltyRun(period_start=period.start, period_end=period.end, started_by=user, sales_lines=sales_rows,
                     unlicensed=unlicensed)
    result = RunResult(run=run)
    for designer in Designer.objects.filter(pk__in=candidates).order_by("legal_name"):
        statement = existing.get(designer.pk)
        if statement is not None and not statement.is_draft:
            run.unchanged += 1
            result.statements.append(statement)
            continue
        lines, totals, adjustments = build_statement(
            designer, period, royalty_lines.get(designer.pk, ()), top_ups.get(designer.pk, ()), licences, statement
        )
        if not lines:
            if statement is not None:  # its sales disappeared (e.g. a cancelled import): the draft goes too
                Statement.objects.filter(pk=statement.pk, status=Statement.Status.DRAFT).delete()
            continue
        fingerprint = _fingerprint(lines, totals, adjustments)
        if statement is not None and statement.content_hash == fingerprint:
            run.unchanged += 1
        else:
            written = _write_draft(statement, designer, period, lines, totals, fingerprint, adjustments)
            if written is None:  # issued after all: left as it is
                run.unchanged += 1
                written = Statement.objects.get(pk=statement.pk)
            elif statement is None:
                run.created += 1
            else:
                run.updated += 1
            statement = written
        result.statements.append(statement)
    run.save()
    return result


def draft_is_current(statement):
    """Whether the draft still holds what the sales, adjustments and earlier statements say now."""
    period = Period(statement.period_start, statement.period_end)
    royalty_lines, _unlicensed, _rows, licences = collect_royalty_lines(period, designer_id=statement.designer_id)
    top_ups = guarantee_lines(period, licences, royalty_lines)
    lines, totals, adjustments = build_statement(
        statement.designer, period, royalty_lines.get(statement.designer_id, ()),
        top_ups.get(statement.designer_id, ()), licences, statement,
    )
    return _fingerprint(lines, totals, adjustments) == statement.content_hash


def regenerate(statement, user=None):
    """Recompute one draft (after Finance added an adjustment, say). Issued statements are refused."""
    if not statement.is_draft:
        raise ValidationError(_("%(number)s is issued: it cannot change. Corrections go into a later statement.")
                              % {"number": statement.number})
    return run_royalties(Period(statement.period_start, statement.period_end), user)
