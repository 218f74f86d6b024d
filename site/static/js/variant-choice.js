// Size and colour buttons on the product page (templates/oscar/catalogue/partials/add_to_basket_form.html).
// Without JavaScript the server answers "Please choose a size"; this says it before the form is sent, next to
// the buttons, and moves the focus there. A separate file: the Content-Security-Policy allows no inline script.
(function () {
  "use strict";

  function init(form) {
    var group = form.querySelector(".variant-choice");
    if (!group) { return; }
    var hint = document.getElementById("variant-hint");
    var radios = group.querySelectorAll("input[type=radio]");
    // Our own message replaces the browser's bubble for the `required` radios.
    form.setAttribute("novalidate", "");

    function chosen() {
      return group.querySelector("input[type=radio]:checked");
    }

    Array.prototype.forEach.call(radios, function (radio) {
      radio.addEventListener("change", function () {
        group.removeAttribute("aria-invalid");
        hint.classList.remove("variant-hint--error");
        hint.removeAttribute("role");
        hint.hidden = true;
      });
    });

    form.addEventListener("submit", function (event) {
      if (chosen()) { return; }
      event.preventDefault();
      hint.hidden = false;
      hint.textContent = hint.dataset.message || hint.textContent;
      hint.classList.add("variant-hint--error");
      hint.setAttribute("role", "alert");
      group.setAttribute("aria-invalid", "true");
      var first = group.querySelector("input[type=radio]:not(:disabled)");
      if (first) { first.focus(); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("add_to_basket_form");
    if (form) { init(form); }
  });
})();
