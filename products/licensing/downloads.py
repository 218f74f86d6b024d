"""Statement documents as downloads, for the portal and for Finance's admin."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header

PDF = "application/pdf"
CSV = "text/csv; charset=utf-8"


def attachment(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
