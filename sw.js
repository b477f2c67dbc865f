// Keeps the planner working offline once it has been opened: the app's few files are kept at
// install; afterwards the network is tried first (fresh when online) and the kept copy used
// when it fails.
const CACHE = "ntm-planner-v4";
const FILES = [
  "./",
  "./index.html",
  "./ntm-web.js",
  // The wasm as the loaders will fetch it: gzipped where the browser can unpack it.
  ...(typeof DecompressionStream === "function"
    ? ["./ntm-web_bg.wasm.gz", "./ntm-worker_bg.wasm.gz"]
    : ["./ntm-web_bg.wasm", "./ntm-worker_bg.wasm"]),
  "./ntm-worker.js",
  "./main.css",
  // The communes' places, which the map loads when it is first shown.
  "./places.csv",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        }
        return response;
      })
      .catch(() =>
        caches.match(event.request, { ignoreSearch: true }).then((hit) => hit || caches.match("./index.html")),
      ),
  );
});
