//! The page's Web Worker for risk draws, compiled to WebAssembly by Trunk (`index.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo_worker::Registrable;
    ntm_planner::analysis_worker::worker::AnalysisWorker::registrar().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ntm-worker is the web page's worker: build it with `trunk build --release`.");
}
