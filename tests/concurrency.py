"""Real concurrency for the PostgreSQL race tests: tasks started at the same moment, one connection each."""

import threading

from django.db import connections
from django.utils import translation


def run_together(*tasks, refusal=(), timeout=120):
    """Run every task in its own thread, released together by a barrier; one result per task, in order.

    A result is ("ok", return value), (label, message) for an exception of the `refusal` pair
    (exception class, label), the outcome the race is about, or ("error", repr) for anything else.
    """
    refused, label = refusal or (None, None)
    barrier = threading.Barrier(len(tasks))
    results = [None] * len(tasks)

    def worker(index, task):
        try:
            barrier.wait()
            with translation.override("en"):  # each thread starts in the default language (German)
                results[index] = ("ok", task())
        except Exception as error:  # noqa: BLE001  (reported by the tests' assertions)
            results[index] = (label, str(error)) if refused and isinstance(error, refused) else ("error", repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(index, task)) for index, task in enumerate(tasks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return results
