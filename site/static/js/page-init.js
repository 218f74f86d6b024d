// Oscar's page initialisers and the site's small page scripts, from a static file: the Content-Security-Policy
// of public pages allows no inline script (issue 12), so the {% block onbodyload %} snippets of Oscar's templates
// are not rendered. Each initialiser runs on the pages that have the elements it binds to.
(function ($) {
  "use strict";

  function has(selector) {
    return document.querySelector(selector) !== null;
  }

  $(function () {
    var oscar = window.oscar;
    if (oscar) {
      if (has("#content_inner")) { oscar.init(); } // Oscar's pages (templates/oscar/layout.html)
      if (has("#basket_formset, #saved_basket_formset, #voucher_form_link")) { oscar.basket.init(); }
      if (has("form input[name=options]") && has("#id_password")) { oscar.checkout.gateway.init(); }
      if (has("#id_sort_by, .facet_checkbox")) { oscar.search.init(); }
      if (has(".clipboard-item")) { oscar.customer.wishlists.init(); }
      if (has('a[data-behaviours~="archive"]')) { oscar.notifications.init(); }
    }

    // Oscar's e-mail history: the e-mail's HTML in a sandboxed frame, so its styles don't touch the page.
    var preview = document.getElementById("preview_box");
    if (preview) {
      preview.setAttribute("sandbox", "");
      preview.srcdoc = preview.textContent;
    }

    // Two-click videos (templates/blocks/video.html): the provider's iframe comes out of its <template> only when
    // the visitor asks for it, so no data reaches the provider before that click.
    Array.prototype.forEach.call(document.querySelectorAll("[data-two-click-video]"), function (figure) {
      var button = figure.querySelector("[data-video-load]");
      var embed = figure.querySelector("template[data-video-embed]");
      if (!button || !embed) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var frame = figure.querySelector(".block-video__frame");
        frame.replaceChildren(embed.content.cloneNode(true));
        var iframe = frame.querySelector("iframe");
        if (iframe) { iframe.focus(); }
      });
    });

    // Checkout preview: a second click would be refused by the server anyway; this spares the shopper the message.
    var placeOrder = document.getElementById("place_order_form");
    if (placeOrder) {
      placeOrder.addEventListener("submit", function (event) {
        var button = document.getElementById("place-order");
        if (button.dataset.sent) { event.preventDefault(); return; }
        button.dataset.sent = "1";
        button.setAttribute("aria-disabled", "true");
      });
    }
  });
})(jQuery);
