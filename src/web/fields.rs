//! A number typed the planner's way (`1.234,5` or `1234.5`), with a slider beside it. A value
//! that cannot be read gets a message beside the field and changes nothing.

use super::state::use_state;
use crate::text::number::{amount, parse_amount, AmountError};
use leptos::prelude::*;

#[component]
pub fn NumberField(
    /// The value in force (from the scenario).
    #[prop(into)]
    value: Signal<f64>,
    /// Called with every valid value typed or dragged.
    #[prop(into)]
    on_commit: Callback<f64>,
    /// `data-testid` of the number input; the slider and the message get suffixes.
    testid: String,
    /// What the field is, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    #[prop(default = 2)] decimals: usize,
    /// The largest value accepted.
    limit: f64,
    /// The slider's end (None: no slider).
    #[prop(optional, into)]
    slider_max: Option<Signal<f64>>,
    #[prop(optional)] unit: &'static str,
    /// Only whole numbers (counts of communes).
    #[prop(optional)]
    whole: bool,
) -> impl IntoView {
    let read = move |text: &str, lang| {
        parse_amount(text, lang, limit).and_then(|v| {
            if whole && v.fract() != 0.0 {
                Err(AmountError::NotWhole)
            } else {
                Ok(v)
            }
        })
    };
    // The value through a memo: the field and its slider follow it only when it changes, and
    // the scenario has one subscriber per field instead of three (every input re-ran them all).
    let value = Memo::new(move |_| value.get());
    let state = use_state();
    let shown = move |x: f64| amount(x, decimals, state.lang.get_untracked());
    let text = RwSignal::new(shown(value.get_untracked()));
    let error: RwSignal<Option<AmountError>> = RwSignal::new(None);
    // The value when this edit began: a half-valid text ("12abc", "1.234.567,89") must not
    // leave behind the valid prefix typed on the way ("12", "1.234"), so an invalid text puts
    // the lever back to it.
    let at_start: StoredValue<Option<f64>> = StoredValue::new(None);
    // The value put back, so that following it does not overwrite what the user typed.
    let put_back: StoredValue<Option<f64>> = StoredValue::new(None);
    // Follow the value when it changes elsewhere (slider, undo, preset, language), unless the
    // text already says it.
    Effect::new(move |_| {
        let v = value.get();
        let lang = state.lang.get();
        if put_back.get_value() == Some(v) {
            put_back.set_value(None);
            return;
        }
        let typed = read(&text.get_untracked(), lang);
        if typed != Ok(v) {
            text.set(amount(v, decimals, lang));
            error.set(None);
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        if at_start.get_value().is_none() {
            at_start.set_value(Some(value.get_untracked()));
        }
        match read(&typed, state.lang.get_untracked()) {
            Ok(v) => {
                error.set(None);
                on_commit.run(v);
            }
            Err(e) => {
                error.set(Some(e));
                if let Some(start) = at_start.get_value() {
                    if value.get_untracked() != start {
                        put_back.set_value(Some(start));
                        on_commit.run(start);
                    }
                }
            }
        }
    };
    let on_blur = move |_| {
        at_start.set_value(None);
        if error.get_untracked().is_none() {
            text.set(shown(value.get_untracked()));
        }
    };
    let error_id = format!("{testid}-error");
    let slider = slider_max.map(|max| {
        let label = label;
        view! {
            <input
                type="range"
                class="slider"
                min="0"
                max=move || max.get().to_string()
                step=move || (max.get() / 200.0).max(0.01).to_string()
                prop:value=move || value.get().to_string()
                aria-label=move || label.get()
                data-testid=format!("{testid}-slider")
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        error.set(None);
                        on_commit.run(v);
                    }
                }
            />
        }
    });
    view! {
        <span class="number-field">
            <input
                type="text"
                inputmode="decimal"
                class="number"
                class:invalid=move || error.get().is_some()
                aria-label=move || label.get()
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone()
                data-testid=testid.clone()
                prop:value=move || text.get()
                on:input=on_input
                on:blur=on_blur
            />
            {(!unit.is_empty()).then(|| view! { <span class="unit">{unit}</span> })}
            {slider}
            <span class="field-error" id=error_id role="alert" data-testid=format!("{testid}-error")>
                {move || error.get().map(|e| e.message(state.lang.get()))}
            </span>
        </span>
    }
}
