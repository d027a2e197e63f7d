"""Lighthouse scores of the pages a villager opens first, mobile and desktop, in one run.

    .venv/bin/python bench/lighthouse.py [--runs 3] [--json result.json]

Builds the demo site the production way in a temporary directory (production settings, the demo
organizations, static files collected), serves it with granian on 127.0.0.1, and runs Lighthouse
(npm, pinned in bench/package.json) with Debian's Chromium against the home page, the demo's news
post and the complaint form. Prints the median of each category over the runs: Lighthouse's
throttling is simulated, so figures from a busy machine are noisy; compare within one run.

Exit code 0 when every page was measured, 1 otherwise. Every process started here is stopped.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import serverkit  # noqa: E402

BENCH = Path(__file__).resolve().parent
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-background-networking --disable-component-update"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUN_TIMEOUT = 180
ATTEMPTS = 3


def news_post_path(base_url: str) -> str:
    """The first news post that sitemap.xml lists (the demo's seed post)."""
    sitemap_url = f"{base_url}/sitemap.xml"  # http on loopback, built here
    with urllib.request.urlopen(sitemap_url, timeout=30) as response:  # noqa: S310
        sitemap = response.read().decode()
    for url in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        path = re.sub(r"^https?://[^/]+", "", url)
        if "/news/" in path and path.rstrip("/").count("/") >= 2:
            return path
    raise RuntimeError("sitemap.xml lists no news post")


def lighthouse(url: str, preset: str, out_dir: Path) -> dict[str, int]:
    report = out_dir / "report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {"CHROME_PATH": "/usr/bin/chromium", "PATH": "/usr/bin:/bin", "HOME": str(out_dir)}
    for attempt in range(ATTEMPTS):
        report.unlink(missing_ok=True)
        run = subprocess.run(command, timeout=RUN_TIMEOUT, env=env, capture_output=True, text=True)
        if run.returncode == 0 and report.exists():
            break
        # On a busy machine Chromium now and then fails to start within Lighthouse's wait.
        print(f"  Lighthouse failed (attempt {attempt + 1}): {run.stderr.strip()[-300:]}")
    else:
        raise RuntimeError(f"Lighthouse could not measure {url}")
    result = json.loads(report.read_text())
    categories, audits = result["categories"], result["audits"]
    scores = {name: round(categories[name]["score"] * 100) for name in CATEGORIES}
    # What cost points, so that a score under 100 says what to fix.
    failed = {
        audits[ref["id"]]["title"]
        for name in CATEGORIES
        for ref in categories[name]["auditRefs"]
        if ref["weight"]
        and (audits[ref["id"]].get("score") or 0) < 1
        and audits[ref["id"]].get("scoreDisplayMode") in ("binary", "numeric")
    }
    return scores, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the medians here")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `make bench` (it runs npm ci in bench/).")
        return 1

    with tempfile.TemporaryDirectory(prefix="tambon-lighthouse-") as tmp_name:
        tmp = Path(tmp_name)
        env = serverkit.production_env(tmp, TAMBON_SERVE_MEDIA="1")
        serverkit.set_up_site(env, tmp / "setup.log")
        process, port = serverkit.start_granian(env, tmp / "server.log")
        try:
            base_url = f"http://127.0.0.1:{port}"
            pages = {
                "home": "/",
                "news post": news_post_path(base_url),
                "complaint form": "/cases/new/complaint/",
            }
            results = {}
            for preset in ("mobile", "desktop"):
                for name, path in pages.items():
                    runs = [lighthouse(base_url + path, preset, tmp) for _ in range(args.runs)]
                    medians = {c: statistics.median(r[c] for r, _ in runs) for c in CATEGORIES}
                    results[f"{preset} {name}"] = medians
                    figures = "  ".join(f"{c} {medians[c]:g}" for c in CATEGORIES)
                    print(f"{preset:8} {name:15} {path:40} {figures}", flush=True)
                    failed = set.union(*(f for _, f in runs))
                    if failed:
                        print(f"{'':24} short of full marks: {'; '.join(sorted(failed))}")
        finally:
            process.terminate()
            process.wait(timeout=30)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
