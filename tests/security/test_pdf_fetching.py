"""PDF rendering reads only the site's static and media files; values put into the PDFs' CSS stay inside it."""

import http.server
import io
import threading

import pytest
from django.conf import settings
from pypdf import PdfReader

from core.pdf import render_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def http_hits():
    """A tiny local web server that counts the requests it gets."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port, hits
    server.shutdown()
    server.server_close()


def payload(port):
    # A newline ends the CSS string in the footer; what follows is read as CSS rules.
    return f"Aachen-Nord e.V.\n}} }}\nbody {{ background: url(http://127.0.0.1:{port}/x) }} .q {{"


@pytest.fixture
def poisoned_settings(http_hits):
    from home.models import SiteSettings

    port, _ = http_hits
    SiteSettings.objects.update(organisation_name=payload(port), street=f"url(http://127.0.0.1:{port}/street)")


def test_an_invoice_pdf_requests_nothing_a_settings_value_points_to(poisoned_settings, http_hits):
    from shop.invoicing.models import Invoice
    from shop.invoicing.services import issue_invoice, render_invoice_pdf

    # Issued after the settings were poisoned: the invoice's frozen seller data holds the payload.
    order = Invoice.objects.select_related("order").first().order
    Invoice.objects.filter(order=order).delete()
    pdf = render_invoice_pdf(issue_invoice(order))
    assert pdf.startswith(b"%PDF")
    assert http_hits[1] == []


def test_a_statement_pdf_requests_nothing_a_settings_value_points_to(poisoned_settings, http_hits):
    from products.licensing.models import Statement
    from products.licensing.statement_documents import render_statement_pdf

    pdf = render_statement_pdf(Statement.objects.exclude(number=None).first())
    assert pdf.startswith(b"%PDF")
    assert http_hits[1] == []


def test_render_pdf_fetches_no_url(http_hits):
    port, hits = http_hits
    html = (
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/style.css">'
        f'<img src="http://127.0.0.1:{port}/img.png"><p style="background: url(http://127.0.0.1:{port}/bg)">x</p>'
    )
    assert render_pdf(html).startswith(b"%PDF")
    assert hits == []


def test_render_pdf_embeds_no_file_outside_static_and_media(tmp_path):
    html = '<link rel="attachment" href="file:///etc/passwd"><a rel="attachment" href="file:///etc/hostname">h</a>x'
    reader = PdfReader(io.BytesIO(render_pdf(html)))
    assert reader.attachments == {}


def test_render_pdf_still_reads_the_sites_static_files():
    logo = next((settings.BASE_DIR / "site" / "static").rglob("*.svg"))
    reader = PdfReader(io.BytesIO(render_pdf(f'<link rel="attachment" href="{logo.as_uri()}">x')))
    assert list(reader.attachments) == [logo.name]
