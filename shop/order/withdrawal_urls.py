from django.urls import path

from . import withdrawal

app_name = "withdrawal"
urlpatterns = [
    path("<str:order_number>/", withdrawal.account_withdrawal, name="account"),
    path("<str:order_number>/<str:hash>/", withdrawal.guest_withdrawal, name="guest"),
]
