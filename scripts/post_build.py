#!/usr/bin/env python3
"""Trunk post-build hook. Writes into the built index.html what the first screen needs before
the WebAssembly arrives, then the single-file edition (scripts/bundle_offline.py):

- the first screen: the plan scenario's headline in the page's frame, printed natively by
  `cargo run --bin first-screen` (the same presentation layer the page uses);
- the page's and the worker's wasm gzipped beside them (….wasm.gz), fetched by their loaders
  and unpacked in the browser with DecompressionStream while they compile, so that it travels compressed from
  a server that compresses nothing; the plain wasm stays for browsers without
  DecompressionStream (and a server that answers the .gz already unpacked is read as it is);
- the style sheet of the rest of the page loaded without holding up the first paint (the first
  screen's styles are inline: style/first-screen.css)."""
import base64
import gzip
import hashlib
import os
import re
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
stage = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "dist"))
path = os.path.join(stage, "index.html")
with open(path, encoding="utf-8") as f:
    html = f.read()


def replace_once(pattern, replacement, text, what):
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.S)
    if count != 1:
        sys.exit(f"post_build: {what} not found in index.html")
    return new


# The first screen, from the presentation layer.
frame = subprocess.run(
    ["cargo", "run", "--locked", "--quiet", "--bin", "first-screen"],
    cwd=root, check=True, capture_output=True, text=True,
).stdout
if 'id="first-screen"' not in frame:
    sys.exit("post_build: first-screen printed no frame")
html = replace_once(r"<body>\s*", lambda _: "<body>\n" + frame + "\n", html, "<body>")

# The wasm of the page and of its worker, gzipped; their loaders unpack them (see PACKED).
for name in ["ntm-web_bg.wasm", "ntm-worker_bg.wasm"]:
    with open(os.path.join(stage, name), "rb") as f:
        wasm = f.read()
    with open(os.path.join(stage, name + ".gz"), "wb") as f:
        f.write(gzip.compress(wasm, 9, mtime=0))

PACKED = """async function packedWasm(url) {
  // The gzipped wasm unpacked as it arrives, or the plain one where that cannot be done.
  try {
    if (typeof DecompressionStream !== "function") throw new Error("no DecompressionStream");
    const response = await fetch(url + ".gz");
    if (!response.ok || !response.body) throw new Error(String(response.status));
    const reader = response.body.getReader();
    // Its first bytes say what came: gzip (1f 8b), or the wasm itself (00 61 73 6d) from a
    // server that unpacked it on the way; anything else (a fallback page) is not the wasm.
    const chunks = [];
    let length = 0;
    let done = false;
    while (length < 4 && !done) {
      const r = await reader.read();
      done = r.done;
      if (r.value) { chunks.push(r.value); length += r.value.length; }
    }
    const head = new Uint8Array(length);
    chunks.reduce((at, c) => { head.set(c, at); return at + c.length; }, 0);
    const packed = head[0] === 0x1f && head[1] === 0x8b;
    const plain = head[0] === 0 && head[1] === 0x61 && head[2] === 0x73 && head[3] === 0x6d;
    if (!packed && !plain) { reader.cancel(); throw new Error("not the wasm"); }
    const body = new ReadableStream({
      start(c) { c.enqueue(head); if (done) c.close(); },
      async pull(c) { const r = await reader.read(); if (r.done) c.close(); else c.enqueue(r.value); },
      cancel(reason) { return reader.cancel(reason); },
    });
    const stream = packed ? body.pipeThrough(new DecompressionStream("gzip")) : body;
    return new Response(stream, { headers: { "Content-Type": "application/wasm" } });
  } catch (e) {
    return fetch(url);
  }
}
"""
html = replace_once(
    r"import init, \* as bindings from '\./ntm-web\.js';\s*const wasm = await init\(\{ module_or_path: '\./ntm-web_bg\.wasm' \}\);",
    lambda _: "import init, * as bindings from './ntm-web.js';\n" + PACKED
    + "const wasm = await init({ module_or_path: packedWasm('./ntm-web_bg.wasm') })\n"
    # A broken .gz on the way: the plain file; and if the page cannot start at all (no
    # WebAssembly), the first screen says so (its figures shown again, if they were hidden).
    + "  .catch(() => init({ module_or_path: './ntm-web_bg.wasm' }))\n"
    + "  .catch((e) => { document.documentElement.classList.remove('kept', 'own-table', 'other-language');"
    + " const said = document.querySelector('[data-first=failed]'); if (said) said.hidden = false; throw e; });",
    html,
    "Trunk's loader",
)

# The worker is started as importScripts("…/ntm-worker.js"); wasm_bindgen("…/ntm-worker_bg.wasm")
# (gloo-worker's classic loader): its wasm_bindgen is wrapped to fetch the gzipped file.
worker_path = os.path.join(stage, "ntm-worker.js")
with open(worker_path, encoding="utf-8") as f:
    worker = f.read()
if not worker.startswith("let wasm_bindgen = "):
    sys.exit("post_build: the worker's glue does not start with its wasm_bindgen")
worker += "\n" + PACKED + """wasm_bindgen = (function (init) {
  const wrapped = (arg) => typeof arg === "string" && arg.endsWith("_bg.wasm")
    ? init({ module_or_path: packedWasm(arg) }).catch(() => init({ module_or_path: arg }))
    : init(arg);
  return Object.assign(wrapped, init);
})(wasm_bindgen);
"""
with open(worker_path, "w", encoding="utf-8") as f:
    f.write(worker)
html = replace_once(
    r"<link rel=\"preload\" href=\"\./ntm-web_bg\.wasm\"[^>]*>",
    lambda _: '<link rel="preload" href="./ntm-web_bg.wasm.gz" crossorigin="anonymous" as="fetch">',
    html,
    "the wasm's preload",
)

# The rest of the styles after the first paint (without JavaScript the first screen's inline
# styles are all there is to show).
html = replace_once(
    r"<link rel=\"stylesheet\" href=\"\./main\.css\"([^>]*?)/?>",
    lambda m: '<link rel="stylesheet" href="./main.css"' + m.group(1) + ' media="print" onload="this.media=\'all\'"/>',
    html,
    "the style sheet",
)

# The comments of the HTML, of its inline styles, of the style sheet and of the script glue are
# for the source, not the wire (the glue's lines lose their indentation too; it has no
# template string over several lines: checked). Trunk's integrity hashes follow the files.
def without_comments(text):
    kept, in_block = [], False
    for line in text.split("\n"):
        t = line.strip()
        if in_block:
            in_block = "*/" not in t
            continue
        if t.startswith("/*"):
            in_block = "*/" not in t
            continue
        if t and not t.startswith("//"):
            kept.append(t)
    return "\n".join(kept) + "\n"


def rewrite(name, change):
    global html
    file = os.path.join(stage, name)
    with open(file, encoding="utf-8") as f:
        before = f.read()
    after = change(before)
    with open(file, "w", encoding="utf-8") as f:
        f.write(after)
    digest = lambda text: "sha384-" + base64.b64encode(hashlib.sha384(text.encode("utf-8")).digest()).decode("ascii")
    html = html.replace(digest(before), digest(after))


with open(os.path.join(stage, "ntm-web.js"), encoding="utf-8") as f:
    glue_lines = [line.strip() for line in f]
if any(line.count("`") % 2 for line in glue_lines if not line.startswith(("//", "*", "/*"))):
    sys.exit("post_build: a template string of the glue spans lines; its lines cannot be trimmed")
rewrite("ntm-web.js", without_comments)
rewrite("main.css", lambda css: re.sub(r"/\*.*?\*/\s*", "", css, flags=re.S))

# The comments of the HTML and of its inline styles are for the source, not the wire.
html = re.sub(r"<!--.*?-->\s*", "", html, flags=re.S)
html = re.sub(r"<style>(.*?)</style>", lambda m: "<style>" + re.sub(r"/\*.*?\*/\s*", "", m.group(1), flags=re.S) + "</style>", html, flags=re.S)

with open(path, "w", encoding="utf-8") as f:
    f.write(html)
print(f"post_build: first screen ({len(frame) // 1024} KiB), the wasm gzipped")

subprocess.run([sys.executable, os.path.join(root, "scripts", "bundle_offline.py"), stage], check=True)
