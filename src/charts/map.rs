//! The map of the communes (`show::map` lays it out and words it), drawn once for either
//! backend: the page's canvas, and SVG for the exports, the report and the presentation.

use super::{svg_of, Backend, Drawn, FONT};
use crate::engine::CommuneTable;
use crate::show::map::{
    class_labels, scale_bar, source_line, Colouring, Frame, MapLayout, Standing, CLASSES,
};
use crate::text::sentences as t;
use crate::text::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The picture's size in CSS pixels: the map on the left, its legend on the right, the source
/// line along the bottom.
pub const SIZE: (u32, u32) = (780, 560);
/// Where the communes go.
pub const FRAME: Frame = Frame {
    left: 8.0,
    top: 8.0,
    width: 520.0,
    height: 516.0,
};
const LEGEND_LEFT: i32 = 548;

/// Best class first: ColorBrewer's YlGnBu, whose lightness falls steadily from class to class
/// (it reads in greyscale) and which stays apart for the common colour-blind vision types.
pub const CLASS_COLOURS: [RGBColor; CLASSES] = [
    RGBColor(0x25, 0x34, 0x94),
    RGBColor(0x2c, 0x7f, 0xb8),
    RGBColor(0x41, 0xb6, 0xc4),
    RGBColor(0xa1, 0xda, 0xb4),
    RGBColor(0xff, 0xff, 0xcc),
];
/// Marks of this radius or less, in the darker classes, are drawn without an edge.
const SMALL_MARK: i32 = 3;
/// The classes from this one on are light enough to need an edge on white.
const LIGHT_CLASSES: usize = 3;
const EDGE: RGBColor = RGBColor(0x55, 0x55, 0x55);
const CHANGED: RGBColor = RGBColor(0x00, 0x00, 0x00);
const FILTERED: RGBColor = RGBColor(0xc8, 0xc8, 0xc8);

/// What the map shows: the table, where each commune is, how each stands (by row).
pub struct MapPicture<'a> {
    pub table: &'a CommuneTable,
    pub layout: &'a MapLayout,
    pub standings: &'a [Standing],
    pub criteria: usize,
    pub colouring: Colouring,
}

/// A mark's shape: a disc, or a border commune's diamond.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Disc,
    Diamond,
}

/// Draws a shape of radius `r` at `(x, y)`: filled, outlined, or both.
fn shape<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    shape: Shape,
    (x, y): (i32, i32),
    r: i32,
    fill: Option<RGBColor>,
    edge: Option<ShapeStyle>,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    match shape {
        Shape::Disc => {
            if let Some(fill) = fill {
                area.draw(&Circle::new((x, y), r, fill.filled()))?;
            }
            if let Some(edge) = edge {
                area.draw(&Circle::new((x, y), r, edge))?;
            }
        }
        Shape::Diamond => {
            let corners = vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y), (x, y - r)];
            if let Some(fill) = fill {
                area.draw(&Polygon::new(corners.clone(), fill.filled()))?;
            }
            if let Some(edge) = edge {
                area.draw(&PathElement::new(corners, edge))?;
            }
        }
    }
    Ok(())
}

pub fn map_chart_on<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    picture: &MapPicture,
    lang: Lang,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let MapPicture {
        table,
        layout,
        standings,
        criteria,
        ..
    } = *picture;
    // Outside the filters first, as grey dots under the rest; then the largest marks first, so
    // that a small commune is never hidden under its big neighbour.
    let mut order: Vec<&crate::show::map::Mark> = layout.marks.iter().collect();
    order.sort_by(|a, b| b.radius.total_cmp(&a.radius));
    for m in &order {
        if standings.get(m.row).is_some_and(|s| !s.kept) {
            area.draw(&Circle::new(
                (m.x.round() as i32, m.y.round() as i32),
                2,
                FILTERED.filled(),
            ))?;
        }
    }
    for m in &order {
        let Some(s) = standings.get(m.row).filter(|s| s.kept) else {
            continue;
        };
        let (x, y) = (m.x.round() as i32, m.y.round() as i32);
        let r = m.radius.round().max(2.0) as i32;
        let class = s.class(criteria);
        let fill = CLASS_COLOURS[class];
        // A diamond as large as the disc would be looks smaller: a third more.
        let (form, r) = if table.communes.get(m.row).is_some_and(|c| c.border) {
            (Shape::Diamond, (f64::from(r) * 1.3).round() as i32)
        } else {
            (Shape::Disc, r)
        };
        // A small mark of a dark class stands out without its edge, and the country's 3,321
        // marks draw in half the canvas calls.
        let edge = (r > SMALL_MARK || class >= LIGHT_CLASSES).then(|| EDGE.stroke_width(1));
        shape(area, form, (x, y), r, Some(fill), edge)?;
        if s.changed() {
            // A thin ring on a small mark: at the country's scale thick ones would cover it.
            let (ring, width) = if r > SMALL_MARK {
                (r + 2, 3)
            } else {
                (r + 1, 1)
            };
            shape(
                area,
                form,
                (x, y),
                ring,
                None,
                Some(CHANGED.stroke_width(width)),
            )?;
        }
    }
    draw_map_legend(area, picture, lang)?;
    area.present()?;
    Ok(())
}

fn draw_map_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    picture: &MapPicture,
    lang: Lang,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    let font = (FONT, 14).into_font();
    let x = LEGEND_LEFT;
    // Each key: its shape, radius, fill, edge and words; a gap before the marks' other signs.
    let mut keys: Vec<(
        Shape,
        i32,
        Option<RGBColor>,
        Option<ShapeStyle>,
        String,
        i32,
    )> = class_labels(picture.colouring, lang)
        .into_iter()
        .enumerate()
        .map(|(class, label)| {
            let fill = Some(CLASS_COLOURS[class]);
            (Shape::Disc, 8, fill, Some(EDGE.stroke_width(1)), label, 26)
        })
        .collect();
    let say = |s| lang.say(s).to_string();
    keys.last_mut().expect("five classes").5 += 8;
    keys.push((
        Shape::Disc,
        9,
        None,
        Some(CHANGED.stroke_width(3)),
        say(t::MAP_KEY_CHANGED),
        28,
    ));
    keys.push((
        Shape::Diamond,
        9,
        None,
        Some(EDGE.stroke_width(1)),
        say(t::MAP_KEY_BORDER),
        28,
    ));
    keys.push((
        Shape::Disc,
        2,
        Some(FILTERED),
        None,
        say(t::MAP_KEY_FILTERED),
        40,
    ));
    let mut y = 16;
    for (form, r, fill, edge, label, step) in keys {
        shape(area, form, (x + 8, y + 8), r, fill, edge)?;
        area.draw(&Text::new(label, (x + 24, y), font.clone()))?;
        y += step;
    }
    if let Some((words, px)) = scale_bar(picture.layout, 160.0, lang) {
        let bar = px.round() as i32;
        area.draw(&PathElement::new(
            vec![(x, y), (x, y + 6), (x + bar, y + 6), (x + bar, y)],
            BLACK.stroke_width(2),
        ))?;
        area.draw(&Text::new(words, (x + bar + 8, y - 4), font.clone()))?;
    }
    let h = SIZE.1;
    area.draw(&Text::new(
        source_line(picture.layout, lang),
        (8, h as i32 - 22),
        (FONT, 12).into_font().color(&EDGE),
    ))?;
    Ok(())
}

/// The map as SVG (exports, the report, the presentation).
pub fn map_svg(picture: &MapPicture, lang: Lang) -> String {
    svg_of(SIZE, |area| map_chart_on(area, picture, lang))
}

/// The map on the page's canvas backend.
pub fn map_on(backend: Backend<'_>, picture: &MapPicture, lang: Lang) -> Drawn {
    map_chart_on(&backend.into_drawing_area(), picture, lang)
}
