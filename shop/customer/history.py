"""Oscar's recently-viewed products, switched off (issue 13).

Oscar remembers the products a visitor viewed in the oscar_history cookie. That is not strictly necessary for the
shop to work, so without consent it may not be set (§ 25 TDDDG). Overridden through Oscar's get_class: the
product-view receiver still calls update(), which now sets nothing and deletes a cookie left from before.
"""

from oscar.apps.customer import history


class CustomerHistoryManager(history.CustomerHistoryManager):
    @classmethod
    def extract(cls, request, response=None):
        return []

    @classmethod
    def update(cls, product, request, response):
        if cls.cookie_name in request.COOKIES:
            response.delete_cookie(cls.cookie_name, samesite=cls.cookie_kwargs["samesite"])
