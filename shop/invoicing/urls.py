from django.urls import path

from . import views

app_name = "invoicing"
urlpatterns = [
    path("<str:order_number>/", views.account_invoice, name="account"),
    path("<str:order_number>/storno/<str:cancellation_number>/", views.account_invoice, name="account-cancellation"),
    path("<str:order_number>/<str:hash>/", views.guest_invoice, name="guest"),
    path("<str:order_number>/<str:hash>/storno/<str:cancellation_number>/", views.guest_invoice,
         name="guest-cancellation"),
]
