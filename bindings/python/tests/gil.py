"""Shared by the tests that check a solve releases the GIL."""


def longest_stall_while(solve):
    """Runs `solve` in a thread; returns (its duration, the longest gap between
    iterations of a Python loop in this thread meanwhile). A solve that held the
    GIL would stall this thread for about its whole duration."""
    import threading
    import time

    timing = {}

    def work():
        start = time.perf_counter()
        solve()
        timing["solve"] = time.perf_counter() - start

    worker = threading.Thread(target=work)
    last = time.perf_counter()
    longest = 0.0
    worker.start()
    while worker.is_alive():
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    worker.join()
    return timing["solve"], longest
