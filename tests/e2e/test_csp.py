"""Stored XSS by shop staff (issue 12), in the browser: a description with a script saved in Oscar's dashboard
does not run on the category page, and the Content-Security-Policy stops an injected inline script."""

import re

import pytest
from oscar.core.loading import get_model
from playwright.sync_api import expect

from home.demo.content import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

Category = get_model("catalogue", "Category")

PAYLOAD = (
    "<p>Sicher <strong>fett</strong></p><script>window.__pwned=1</script>"
    "<img src=x onerror=\"window.__pwned=2;alert('xss')\">"
)


def log_in(page, email):
    page.goto("/de/shop/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", DEMO_PASSWORD)
    page.locator("form#login_form button[type=submit]").click()


def watch(page):
    """Dialogs opened and CSP violations reported on `page`."""
    seen = {"dialogs": [], "violations": []}

    def on_dialog(dialog):
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda message: "Content Security Policy" in message.text
            and seen["violations"].append(message.text))
    return seen


def test_a_script_in_a_category_description_saved_by_shop_staff_does_not_run(page, browser, live_server):
    category = Category.objects.filter(depth=1).order_by("path").first()

    log_in(page, "shop@example.org")
    page.goto(f"/de/shop/dashboard/catalogue/categories/{category.pk}/update/")
    expect(page.locator("#id_description")).to_be_attached()
    # An attacker does not go through the editor, which would drop the script itself: write the raw field.
    page.evaluate(
        """(html) => {
            if (window.tinymce) { window.tinymce.remove(); }
            document.querySelector("#id_description").value = html;
        }""",
        PAYLOAD,
    )
    page.locator("#create_update_category_form button[value=save]").click()
    expect(page).to_have_url(re.compile(r"/de/shop/dashboard/catalogue/categories/$"))

    shopper = browser.new_page(base_url=live_server.url)
    seen = watch(shopper)
    shopper.goto(category.get_absolute_url())
    expect(shopper.locator(".category-description strong")).to_have_text("fett")
    shopper.wait_for_load_state("load")
    assert shopper.evaluate("typeof window.__pwned") == "undefined"
    assert seen["dialogs"] == []
    # The page's own scripts comply with the policy: nothing was reported.
    assert seen["violations"] == []
    # Cleaned when saved, so the dashboard and every other reader get the clean text too.
    category.refresh_from_db()
    assert "<strong>fett</strong>" in category.description and "script" not in category.description


def test_the_policy_blocks_an_inline_script_injected_into_a_public_page(page):
    seen = watch(page)
    page.goto("/de/")
    blocked = page.evaluate(
        """() => new Promise((resolve) => {
            document.addEventListener("securitypolicyviolation", (event) => resolve(event.violatedDirective));
            const script = document.createElement("script");
            script.textContent = "window.__pwned = 1; alert('xss');";
            document.body.append(script);
            setTimeout(() => resolve(null), 2000);
        })"""
    )
    assert blocked and blocked.startswith("script-src")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert seen["dialogs"] == []
    # jQuery and Oscar's initialisers still run from static files.
    assert page.evaluate("typeof window.jQuery") == "function"
