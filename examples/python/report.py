"""The HTML report from Python: one self-contained page, opened from disk."""

import json
import re
import tempfile
from pathlib import Path

import sixlink

with tempfile.TemporaryDirectory() as folder:
    path = sixlink.report(sixlink.default_scenario(), Path(folder) / "report.html", year=2025, lang="en")
    html = Path(path).read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="sixlink-data">(.*?)</script>',
                                html, re.S).group(1))
    tags = re.findall(r"<(?:script|link)\b[^>]*>", html)     # ECharts and the page's script inline
    print(f"{len(html) / 1e6:.2f} MB, {len(tags)} script elements, nothing fetched: "
          f"{not any('src=' in t or 'href=' in t for t in tags)}")
    print(f"gap {data['gap']['year']}, plan {data['plan']['year']}: "
          f"{len(data['plan']['recommendations'])} recommendations")
    print("report written")
