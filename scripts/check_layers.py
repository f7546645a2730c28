#!/usr/bin/python3
"""Checks sixlink's layering and that the tests mirror include/.

Run from anywhere: `/usr/bin/python3 scripts/check_layers.py` (or `ctest -R layers`).
Prints every violation as `path:line: what` and exits 1 if there is one.

1. Includes point down. Each folder of include/sixlink/ and src/ is a layer;
   an include may name its own layer or a lower one, never a higher one nor a
   sibling on the same level:

     core        types, status, errors, interrupts; sixlink/config.hpp
     detail      private helpers (numbers, files, CSV reader, dense LP)
     model       the scenario, its graph, validation and locations
     flow, assignment, matching
                 the engines: plain arrays in, certificates out; they never
                 include model (the domain) nor each other
     verify      certificate checkers over the engines' public headers
                 (an engine's private headers are its own: besides detail/,
                 no engine includes another module's private header)
     analysis, placement, admission
                 the domain analyses (gap, plan), student placement and
                 junior-high admission
     io          readers of scenarios and cohorts, writers of the results
     jobs        the workflows the CLI and Python share (run, gap, plan,
                 place): they read inputs through io, run the analyses and
                 serialise their results with io's writers, so jobs sit above
                 io, and io never includes jobs
     umbrella    include/sixlink/sixlink.hpp, which includes every layer
     cli, bindings
                 the `sixlink` program and the Python module: on top

   Both spellings are checked: public "sixlink/<layer>/x.hpp" and private
   "<layer>/x.hpp" (src/<layer>/x.hpp).

2. Public headers (include/) include only public headers ("sixlink/...") and
   never nlohmann/json, which stays a private dependency.

3. Tests mirror include/: every include/sixlink/X/Y.hpp has
   tests/X/Y_test.cpp, and tests/CMakeLists.txt compiles it
   (include/sixlink/sixlink.hpp: tests/sixlink_test.cpp).
"""

from __future__ import annotations

import argparse
import pathlib
import re
import sys

# Rank of each layer: an include must go to the same layer or a lower rank.
LAYERS = {
    "core": 0,
    "detail": 1,
    "model": 2,
    "flow": 3,
    "assignment": 3,
    "matching": 3,
    "verify": 4,
    "analysis": 5,
    "placement": 5,
    "admission": 5,
    "io": 6,
    "jobs": 7,
    "umbrella": 8,
    "cli": 9,
    "bindings": 9,
}
ENGINES = {"flow", "assignment", "matching", "verify"}

# Known violations, as (including file, included path): none. Never add one
# without an issue that removes it; the check reports an entry once unused.
ALLOWED: set[tuple[str, str]] = set()

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')
SOURCE_SUFFIXES = {".hpp", ".cpp", ".h", ".cc"}


def layer_of_file(rel: pathlib.PurePosixPath) -> str | None:
    parts = rel.parts
    if parts[:2] == ("include", "sixlink"):
        if len(parts) == 3:
            return "umbrella" if parts[2] == "sixlink.hpp" else "core"
        return parts[2]
    if parts[0] == "src" and len(parts) >= 3:
        return parts[1]
    if parts[:2] == ("bindings", "python"):
        return "bindings"
    return None


def layer_of_include(path: str) -> str | None:
    """The layer a quoted include names, or None for one outside the layers."""
    parts = path.split("/")
    if parts[0] == "sixlink":
        if len(parts) == 2:
            return "umbrella" if parts[1] == "sixlink.hpp" else "core"  # config.hpp
        return parts[1] if parts[1] in LAYERS else None
    return parts[0] if len(parts) > 1 and parts[0] in LAYERS else None


def allowed(source: str, target: str) -> str | None:
    """None if `source` may include `target`, else why not."""
    if source == target:
        return None
    if source in ENGINES and target == "model":
        return "an engine includes model (the domain)"
    if LAYERS[target] > LAYERS[source]:
        return "points up"
    if LAYERS[target] == LAYERS[source]:
        return "points sideways"
    return None


def source_files(root: pathlib.Path):
    for top in ("include", "src", "bindings/python"):
        base = root / top
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and path.is_file():
                yield path


def check_includes(root: pathlib.Path, problems: list[str], used: set) -> None:
    for path in source_files(root):
        rel = pathlib.PurePosixPath(path.relative_to(root).as_posix())
        source = layer_of_file(rel)
        if source not in LAYERS:
            continue
        public = rel.parts[0] == "include"
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            match = INCLUDE.match(line)
            if not match:
                continue
            quote, included = match.groups()
            where = f"{rel}:{number}"
            if public and included.startswith("nlohmann"):
                problems.append(f"{where}: public header includes <{included}> (nlohmann stays private)")
                continue
            if quote == "<":
                continue
            if public and not included.startswith("sixlink/"):
                problems.append(f'{where}: public header includes the private header "{included}"')
                continue
            target = layer_of_include(included)
            if target is None:
                continue
            why = allowed(source, target)
            if why is None and source in ENGINES and not included.startswith("sixlink/") \
                    and target not in (source, "detail"):
                why = "an engine reaches into another module's private headers"
            if why is None:
                continue
            if (str(rel), included) in ALLOWED:
                used.add((str(rel), included))
                continue
            problems.append(f'{where}: {source} includes "{included}" ({target}): {why}')


def check_mirror(root: pathlib.Path, problems: list[str]) -> None:
    cmake = root / "tests" / "CMakeLists.txt"
    listed = set(re.findall(r"[\w/.-]+_test\.cpp", cmake.read_text())) if cmake.exists() else set()
    base = root / "include" / "sixlink"
    for header in sorted(base.rglob("*.hpp")):
        rel = header.relative_to(base).with_suffix("")
        test = pathlib.PurePosixPath(rel.as_posix() + "_test.cpp")
        where = f"include/sixlink/{rel.as_posix()}.hpp:1"
        if not (root / "tests" / test).is_file():
            problems.append(f"{where}: no test file tests/{test}")
        elif str(test) not in listed:
            problems.append(f"{where}: tests/{test} is not compiled (tests/CMakeLists.txt)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parent.parent,
                        help="the repository root (default: this script's parent folder)")
    args = parser.parse_args()
    root = args.root.resolve()
    problems: list[str] = []
    used: set = set()
    check_includes(root, problems, used)
    check_mirror(root, problems)
    for source, included in sorted(ALLOWED - used):
        print(f'check_layers: allowlist entry ({source}, "{included}") is no longer needed: '
              "remove it", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"check_layers: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("check_layers: includes point down; every public header has its test file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
