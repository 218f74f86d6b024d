import oscar.apps.customer.apps as apps
from django.urls import path


class CustomerConfig(apps.CustomerConfig):
    name = "shop.customer"

    def get_urls(self):
        from . import views

        return [
            path("register/sent/", views.RegistrationSentView.as_view(), name="registration-sent"),
            path("activate/<uidb64>/<token>/", views.ActivateAccountView.as_view(), name="activate"),
            path("order-link/", views.GuestOrderLinkView.as_view(), name="guest-order-link"),
            *super().get_urls(),
        ]
