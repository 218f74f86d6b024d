from oscar.apps.shipping import repository
from oscar.core.loading import get_model

from shop.outlets.services import open_partner

from .methods import DHLEurope, DHLGermany, PickUp

Partner = get_model("partner", "Partner")

# Member states other than Germany (ISO 3166-1 alpha-2) that DHL's EU parcel serves.
EU_COUNTRIES = frozenset(
    "AT BE BG CY CZ DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)


def pickup_methods():
    partners = Partner.objects.filter(open_partner(), allows_pickup=True).order_by("pk")
    return [PickUp(partner) for partner in partners]


def delivery_methods(country_code=None):
    """Delivery methods for a country; without one (basket page), every method with its price."""
    if country_code is None:
        return [DHLGermany(), DHLEurope()]
    if country_code == "DE":
        return [DHLGermany()]
    if country_code in EU_COUNTRIES:
        return [DHLEurope()]
    return []


def delivery_countries():
    """{method code: country codes} of parcel delivery, from the same routing the checkout uses."""
    countries = {}
    for code in ["DE", *sorted(EU_COUNTRIES)]:
        for method in delivery_methods(code):
            countries.setdefault(method.code, []).append(code)
    return countries


class Repository(repository.Repository):
    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        if shipping_addr is not None and shipping_addr.country_id:
            # Once an address is entered the shopper chose delivery; pick-up is offered before that.
            return delivery_methods(shipping_addr.country_id)
        return pickup_methods() + delivery_methods()

    def get_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        # Every basket of the label holds physical goods; no "no shipping required" special case.
        methods = self.get_available_shipping_methods(basket, shipping_addr=shipping_addr, **kwargs)
        if basket.has_shipping_discounts:
            methods = self.apply_shipping_offers(basket, methods)
        return methods

    def get_default_shipping_method(self, basket, shipping_addr=None, **kwargs):
        # The basket page estimates with parcel delivery in Germany, what most orders use.
        return DHLGermany()
