//! The planner's page, compiled to WebAssembly by Trunk (`index.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    ntm_planner::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ntm-web is the web page: build it with `trunk build --release` (see README.md).");
}
