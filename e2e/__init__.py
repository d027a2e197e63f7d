"""End-to-end browser tests: Chromium driven by Playwright against a real granian server."""
