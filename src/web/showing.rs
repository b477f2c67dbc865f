//! What is shown besides the levers and results: which scenarios are compared, whether the
//! report is open, the presentation's slide (and the keys a presenter's clicker sends).

use super::presentation::SLIDES;
use leptos::prelude::*;

/// What is being shown besides the levers and results.
#[derive(Clone, Copy)]
pub struct Showing {
    pub compare_open: RwSignal<bool>,
    /// Keys of the scenarios picked for comparison ("current", "plan", "saved:N", "preset:KEY").
    pub picked: RwSignal<Vec<String>>,
    pub report_open: RwSignal<bool>,
    pub presenting: RwSignal<Option<usize>>,
}

pub fn use_showing() -> Showing {
    expect_context::<Showing>()
}

pub fn start() -> Showing {
    let showing = Showing {
        compare_open: RwSignal::new(false),
        picked: RwSignal::new(vec!["plan".into(), "current".into()]),
        report_open: RwSignal::new(false),
        presenting: RwSignal::new(None),
    };
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        let Some(slide) = showing.presenting.get_untracked() else {
            return;
        };
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => Some((slide + 1).min(SLIDES - 1)),
            "ArrowLeft" | "ArrowUp" | "PageUp" => Some(slide.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(SLIDES - 1),
            "Escape" => {
                showing.presenting.set(None);
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    if doc.fullscreen_element().is_some() {
                        doc.exit_fullscreen();
                    }
                }
                None
            }
            _ => return,
        };
        ev.prevent_default();
        if let Some(n) = next {
            showing.presenting.set(Some(n));
        }
    });
    showing
}
