from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("statements/<int:pk>/", views.StatementView.as_view(), name="statement"),
    path("statements/<int:pk>/pdf/", views.StatementPdfView.as_view(), name="statement_pdf"),
    path("statements/<int:pk>/csv/", views.StatementCsvView.as_view(), name="statement_csv"),
]
