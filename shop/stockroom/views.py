"""Stock pages of Oscar's dashboard. The rules live in shop.partner.services and shop.partner.outlet_sales."""

from collections import defaultdict

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView
from oscar.core.loading import get_model

from shop.partner import services
from shop.partner.exceptions import InsufficientStock
from shop.partner.outlet_sales import ImportRefused, import_csv, record_sale

from . import forms

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")
OutletSalesImport = get_model("partner", "OutletSalesImport")

PAGE_SIZE = 50


class StockOverviewView(TemplateView):
    """One row per product, one column per partner: units in stock (allocated ones in brackets)."""

    template_name = "stockroom/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        products = Product.objects.filter(stockrecords__isnull=False).distinct().order_by("title", "pk")
        if query:
            products = products.filter(
                Q(title__icontains=query) | Q(upc__icontains=query) | Q(stockrecords__partner_sku__icontains=query))
        page = Paginator(products.only("pk", "title", "upc"), PAGE_SIZE).get_page(self.request.GET.get("page"))
        partners = sorted(
            Partner.objects.only("pk", "name", "kind", "is_active"),
            key=lambda partner: (partner.kind != Partner.Kind.WORKSHOP, not partner.is_active, partner.name),
        )
        cells = defaultdict(dict)
        for record in StockRecord.objects.filter(product__in=[p.pk for p in page]).only(
                "pk", "product_id", "partner_id", "num_in_stock", "num_allocated", "low_stock_threshold"):
            cells[record.product_id][record.partner_id] = record
        context.update(
            page_obj=page, partners=partners, query=query,
            rows=[(product, [cells[product.pk].get(partner.pk) for partner in partners],
                   sum((r.num_in_stock or 0) for r in cells[product.pk].values())) for product in page],
        )
        return context


class MovementListView(ListView):
    template_name = "stockroom/movements.html"
    context_object_name = "movements"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.form = forms.MovementFilterForm(self.request.GET or None)
        movements = StockMovement.objects.select_related("stockrecord__partner", "stockrecord__product", "created_by")
        if self.form.is_valid():
            data = self.form.cleaned_data
            if data["partner"]:
                movements = movements.filter(stockrecord__partner=data["partner"])
            if data["kind"]:
                movements = movements.filter(kind=data["kind"])
            if data["q"]:
                movements = movements.filter(
                    Q(stockrecord__product__title__icontains=data["q"]) | Q(stockrecord__partner_sku=data["q"]))
            if data["date_from"]:
                movements = movements.filter(created_at__date__gte=data["date_from"])
            if data["date_to"]:
                movements = movements.filter(created_at__date__lte=data["date_to"])
        return movements

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(form=self.form, filter_query=query.urlencode(), **kwargs)


class LowStockView(TemplateView):
    """Records below their own threshold, per partner."""

    template_name = "stockroom/alerts.html"

    def get_context_data(self, **kwargs):
        records = (
            StockRecord.objects.filter(low_stock_threshold__isnull=False)
            .annotate(available=Coalesce(F("num_in_stock"), 0) - Coalesce(F("num_allocated"), 0))
            .filter(available__lt=F("low_stock_threshold"))
            .select_related("partner", "product")
            .order_by("partner__name", "available", "product__title")
        )
        by_partner = defaultdict(list)
        for record in records:
            by_partner[record.partner].append(record)
        return super().get_context_data(alerts=sorted(by_partner.items(), key=lambda i: i[0].name), **kwargs)


class TransferView(FormView):
    template_name = "stockroom/transfer.html"
    form_class = forms.TransferForm

    def get_initial(self):
        return {"source": Partner.objects.filter(kind=Partner.Kind.WORKSHOP).first()}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.transfer(data["product"], data["source"], data["destination"], data["quantity"],
                              user=self.request.user, reason=data["reason"])
        except (InsufficientStock, services.StockError) as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        message = _("%(units)s unit(s) of %(product)s moved from %(source)s to %(destination)s.")
        messages.success(self.request, message % {
            "units": data["quantity"], "product": data["product"].get_title(),
            "source": data["source"].name, "destination": data["destination"].name})
        return redirect(reverse("dashboard:stock-movements"))


class StocktakeView(FormView):
    template_name = "stockroom/stocktake.html"
    form_class = forms.StocktakeForm

    def get_initial(self):
        # The product form links here with its stock record chosen.
        record = self.request.GET.get("stockrecord", "")
        return {"stockrecord": record} if record.isdigit() else {}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            movement = services.stocktake(data["stockrecord"], data["counted"], user=self.request.user,
                                          reason=data["reason"])
        except InsufficientStock as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        except services.StockError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
            return self.form_invalid(form)
        if movement is None:
            messages.info(self.request, _("The count matches the recorded stock; nothing changed."))
        else:
            messages.success(self.request, _("Stock corrected by %(difference)+d.") % {"difference": movement.quantity})
        return redirect(reverse("dashboard:stock-movements"))


class SalesImportListView(ListView):
    template_name = "stockroom/sales_imports.html"
    context_object_name = "imports"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return OutletSalesImport.objects.select_related("partner", "created_by").annotate(
            units=Sum("lines__units"), net_revenue=Sum("lines__net_revenue")).order_by("-created_at")


class SalesUploadView(FormView):
    template_name = "stockroom/sales_upload.html"
    form_class = forms.SalesUploadForm

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            sales_import = import_csv(form.cleaned_data["partner"], upload.read(), user=self.request.user,
                                      file_name=upload.name)
        except ImportRefused as refused:
            if refused.sales_import is not None:
                messages.error(self.request, _("The file was refused; nothing was imported."))
                return redirect(reverse("dashboard:stock-sales-import", kwargs={"pk": refused.sales_import.pk}))
            for _row, message in refused.errors:
                form.add_error("file", message)
            return self.form_invalid(form)
        messages.success(self.request, _("%(rows)s sales row(s) imported.") % {"rows": sales_import.rows_total})
        return redirect(reverse("dashboard:stock-sales-import", kwargs={"pk": sales_import.pk}))


class SalesEntryView(FormView):
    template_name = "stockroom/sales_entry.html"
    form_class = forms.SalesEntryForm

    def form_valid(self, form):
        data = form.cleaned_data
        record = data["stockrecord"]
        try:
            record_sale(record.partner, record, data["date"], data["quantity"], data["gross_price"],
                        user=self.request.user)
        except ImportRefused as refused:
            for _row, message in refused.errors:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, _("Sale recorded."))
        return redirect(reverse("dashboard:stock-sales-imports"))


class SalesImportDetailView(DetailView):
    """The result of an upload; while it is still processing, the page reloads itself to show progress."""

    template_name = "stockroom/sales_import.html"
    context_object_name = "sales_import"

    def get_queryset(self):
        return OutletSalesImport.objects.select_related("partner", "created_by")

    def get_context_data(self, **kwargs):
        lines = self.object.lines.select_related("product").order_by("date", "pk")[:200]
        return super().get_context_data(lines=lines, **kwargs)
