//! What is shown besides the levers and results: which scenarios are compared, whether the
//! report is open, the presentation's slide (and the keys a presenter's clicker sends).

use leptos::prelude::*;

/// The presentation's slides, in the order a presenter walks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    Headline,
    Criteria,
    Districts,
    Bands,
    Path,
    Goals,
    Risk,
    Map,
    Compare,
}

impl Slide {
    pub const ALL: [Slide; 9] = [
        Slide::Headline,
        Slide::Criteria,
        Slide::Districts,
        Slide::Bands,
        Slide::Path,
        Slide::Goals,
        Slide::Risk,
        Slide::Map,
        Slide::Compare,
    ];

    /// Its place, from 0.
    pub fn index(self) -> usize {
        Slide::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The one after, the last staying last.
    pub fn next(self) -> Slide {
        Slide::ALL[(self.index() + 1).min(Slide::ALL.len() - 1)]
    }

    /// The one before, the first staying first.
    pub fn previous(self) -> Slide {
        Slide::ALL[self.index().saturating_sub(1)]
    }
}

/// What is being shown besides the levers and results.
#[derive(Clone, Copy)]
pub struct Showing {
    pub compare_open: RwSignal<bool>,
    /// Keys of the scenarios picked for comparison ("current", "plan", "saved:N", "preset:KEY").
    pub picked: RwSignal<Vec<String>>,
    pub report_open: RwSignal<bool>,
    /// The slide on screen while presenting.
    pub presenting: RwSignal<Option<Slide>>,
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
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => Some(slide.next()),
            "ArrowLeft" | "ArrowUp" | "PageUp" => Some(slide.previous()),
            "Home" => Some(Slide::Headline),
            "End" => Some(Slide::Compare),
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
