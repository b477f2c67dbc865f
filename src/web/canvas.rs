//! Drawing on the page's canvases, and a picture as a PNG download: shared by every view that
//! draws with `crate::charts` (the charts, the map).

use super::persistence::download;
use crate::charts::{svg_size, Backend, Drawn};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};

/// Draws on the canvas at `(w, h)` CSS pixels, sharp on any screen (the canvas has the
/// screen's pixels), and returns the words drawn (the canvas's text alternative).
pub fn paint_canvas(
    canvas: &web_sys::HtmlCanvasElement,
    (w, h): (u32, u32),
    draw: impl FnOnce(&DrawingArea<Backend<'_>, Shift>) -> Drawn,
) -> String {
    use wasm_bindgen::JsCast;
    let ratio = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let (pw, ph) = (
        (f64::from(w) * ratio).round() as u32,
        (f64::from(h) * ratio).round() as u32,
    );
    if canvas.width() != pw {
        canvas.set_width(pw);
    }
    if canvas.height() != ph {
        canvas.set_height(ph);
    }
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return String::new();
    };
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    let Some(backend) = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone()) else {
        return String::new();
    };
    let words = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let area = Backend::canvas(backend, (w, h), words.clone()).into_drawing_area();
    let _ = draw(&area);
    let _ = area.present();
    let said = words.borrow().join(" · ");
    said
}

/// Draws the SVG on a canvas at twice its size and offers the picture as a PNG download.
pub fn svg_to_png(svg: String, name: String) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (w, h) = svg_size(&svg);
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let encoded = js_sys::encode_uri_component(&svg)
        .as_string()
        .unwrap_or_default();
    let loaded = image.clone();
    let onload = Closure::once_into_js(move || {
        let Ok(canvas) = document.create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width(w * 2);
        canvas.set_height(h * 2);
        let Some(ctx) = canvas.get_context("2d").ok().flatten() else {
            return;
        };
        let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
        let _ = ctx.scale(2.0, 2.0);
        let _ = ctx.draw_image_with_html_image_element(&loaded, 0.0, 0.0);
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            let bytes = url
                .split_once(',')
                .and_then(|(_, b64)| web_sys::window()?.atob(b64).ok())
                .map(|bin| bin.chars().map(|c| c as u8).collect::<Vec<u8>>())
                .unwrap_or_default();
            download(&name, "image/png", &bytes);
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}
