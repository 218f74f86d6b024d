-- POST Oscar's add-to-basket form, as a shopper's browser does (quantity 1, with Django's CSRF pair).
-- A fixed 32-character secret works both as the csrftoken cookie and as the form field.
local token = "benchbenchbenchbenchbenchbench12"
wrk.method = "POST"
wrk.body = "csrfmiddlewaretoken=" .. token .. "&quantity=1"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "csrftoken=" .. token
