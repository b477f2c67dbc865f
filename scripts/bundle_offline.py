#!/usr/bin/env python3
"""Trunk post-build hook: writes ntm-planner-offline.html, one self-contained file (styles,
JavaScript glue and the WebAssembly inline) that opens from file:// by double-click, where
browsers refuse module scripts and wasm fetches. The glue becomes a classic script and the wasm
is instantiated from bytes."""
import base64
import os
import re
import sys

stage = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")


def read(name, mode="r"):
    with open(os.path.join(stage, name), mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


html = read("index.html")
glue = read("ntm-web.js")
wasm = read("ntm-web_bg.wasm", "rb")
css = read("main.css")
places = read("places.csv")

# The module glue as a classic script: no exports, no import.meta.
if re.search(r"^\s*import\s", glue, re.M):
    sys.exit("bundle_offline: the glue imports other modules; cannot inline it")
glue = re.sub(r"^export \{[^}]*\};?\s*$", "", glue, flags=re.M)
glue = re.sub(r"^export (class|function|const|let|async function) ", r"\1 ", glue, flags=re.M)
glue = glue.replace("import.meta.url", "document.baseURI")
if "export " in glue.split("\n", 1)[0] or re.search(r"^export\b", glue, re.M):
    sys.exit("bundle_offline: an export is left in the glue")

loader = (
    "<script>\n(function () {\n"
    + glue
    + "\nconst bytes = Uint8Array.from(atob(\"" + base64.b64encode(wasm).decode("ascii") + "\"), (c) => c.charCodeAt(0));\n"
    + "initSync({ module: bytes });\n})();\n</script>"
)

# Drop what Trunk injected for the served page (module script, preloads, stylesheet link).
html = re.sub(r"<script type=\"module\">.*?</script>", "", html, flags=re.S)
html = re.sub(r"<link rel=\"(modulepreload|preload)\"[^>]*>", "", html)
html = re.sub(r"<link rel=\"stylesheet\"[^>]*>", lambda _: "<style>\n" + css + "\n</style>", html)
if "</body>" not in html:
    sys.exit("bundle_offline: index.html has no </body>")
# The communes' places, which the served page fetches beside itself, carried in the page.
if "<" in places:
    sys.exit("bundle_offline: places.csv holds a '<'; cannot carry it in a script element")
carried = '<script type="text/csv" id="ntm-places">\n' + places + "</script>"
html = html.replace("</body>", carried + "\n" + loader + "\n</body>")

with open(os.path.join(stage, "ntm-planner-offline.html"), "w", encoding="utf-8") as f:
    f.write(html)
print(f"bundle_offline: wrote ntm-planner-offline.html ({len(html) // 1024} KiB)")
