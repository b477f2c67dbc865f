//! The cold start over slow links (ignored; BENCHMARKS.md has the figures and the method):
//! `cargo test --release --test e2e -- --ignored --nocapture link_benchmark`.
//!
//! Each run: a new browser (empty cache, nothing compiled), the link emulated through the
//! DevTools protocol, then navigation. "Headline" is the first frame with the certified
//! communes visible (the build's first screen, or the live page's); "levers" the first frame
//! with the levers built (the live page answering). Medians of three runs, from a server that
//! compresses and from one left at its defaults (compressing nothing).

use crate::harness::*;

/// The first frame with the headline on screen, and the first with the levers.
const START_WATCH: &str = r#"
(function sample() {
  const figure = document.querySelector('[data-first=certified], [data-testid=certified]');
  if (window.__headline === undefined && figure && figure.textContent === '85' && getComputedStyle(figure).visibility !== 'hidden') {
    window.__headline = performance.now();
  }
  if (window.__levers === undefined && document.querySelector('[data-testid=investment-transport]')) {
    window.__levers = performance.now();
  }
  if (window.__levers === undefined) requestAnimationFrame(sample);
})();
"#;

/// (name, download bytes a second, latency in ms); `None`: no emulation.
const LINKS: [(&str, Option<(f64, f64)>); 3] = [
    ("loopback", None),
    ("4G (9 Mbps, 85 ms)", Some((9e6 / 8.0, 85.0))),
    ("3G (1.6 Mbps, 300 ms)", Some((1.6e6 / 8.0, 300.0))),
];

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[tokio::test]
#[ignore = "a benchmark: run with --ignored and record the figures in BENCHMARKS.md"]
async fn link_benchmark() {
    let _one = serial();
    let driver = Driver::start();
    for (server_name, compressing) in [("compresses (gzip)", true), ("compresses nothing", false)] {
        let server = if compressing {
            StaticServer::start_compressing()
        } else {
            StaticServer::start()
        };
        for (link, emulation) in LINKS {
            let (mut headline, mut levers) = (Vec::new(), Vec::new());
            for _ in 0..3 {
                let wd = browser(&driver, 1366, 768).await;
                if let Some((bytes, latency)) = emulation {
                    wd.cdp()
                        .send_raw("Network.enable", json!({}))
                        .await
                        .unwrap();
                    wd.cdp()
                        .send_raw(
                            "Network.emulateNetworkConditions",
                            json!({ "offline": false, "latency": latency,
                                    "downloadThroughput": bytes, "uploadThroughput": bytes }),
                        )
                        .await
                        .unwrap();
                }
                on_every_document(&wd, START_WATCH).await;
                wd.goto(server.url()).await.unwrap();
                let at = poll_for_array(
                    &wd,
                    "return window.__levers !== undefined ? [window.__headline, window.__levers] : null",
                    1200,
                )
                .await;
                headline.push(at[0].as_f64().expect("the headline shows"));
                levers.push(at[1].as_f64().expect("the levers come"));
                wd.quit().await.unwrap();
            }
            println!(
                "server {server_name}, {link}: headline {:.2} s, levers {:.2} s (runs: {headline:?} / {levers:?} ms)",
                median(headline.clone()) / 1000.0,
                median(levers.clone()) / 1000.0
            );
        }
    }
}
