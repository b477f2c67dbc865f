//! The charts, drawn as SVG with plotters: natively, so the command line, the tests and the
//! page draw the same picture (the page shows it, exports it as SVG or PNG, and prints it).

pub mod grid;
pub mod map;

use crate::engine::{Model, Outcome};
use crate::text::number::number;
use crate::text::sentences as t;
use crate::text::Lang;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, DrawingErrorKind};
use std::cell::RefCell;
use std::rc::Rc;

const START: RGBColor = RGBColor(0x9a, 0xa5, 0xb1);
const PROJECTED: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
const TARGET: RGBColor = RGBColor(0xc0, 0x5a, 0x00);
/// The risk run's P10–P90 whiskers.
const BAND: RGBColor = RGBColor(0x11, 0x11, 0x11);
const GROUP_COLOURS: [RGBColor; 4] = [
    RGBColor(0x1f, 0x4e, 0x79),
    RGBColor(0x4f, 0x8a, 0x3c),
    RGBColor(0x8e, 0x5a, 0xa8),
    RGBColor(0xb0, 0x7d, 0x2b),
];
const IDLE: RGBColor = RGBColor(0xc8, 0xc8, 0xc8);
pub(crate) const FONT: &str = "sans-serif";
/// Half-width charts; the criteria chart spans the results column.
pub const WIDTH: u32 = 540;
const WIDE: u32 = 980;

pub type Drawn = Result<(), Box<dyn std::error::Error>>;

/// The backend every chart draws on: the SVG's or the page's canvas, at the chart's own size
/// (a canvas may have more pixels than that, scaled), measuring text by estimate for the SVG
/// (plotters' SVG backend in a browser measures each label in the live page, a forced layout
/// per label), and keeping the words it draws (a canvas chart's text alternative). One type
/// for both, so each chart is compiled once.
pub struct Backend<'a> {
    surface: Surface<'a>,
    size: (u32, u32),
    words: Option<Rc<RefCell<Vec<String>>>>,
}

enum Surface<'a> {
    Svg(SVGBackend<'a>),
    #[cfg(target_arch = "wasm32")]
    Canvas(plotters_canvas::CanvasBackend),
}

impl<'a> Backend<'a> {
    pub fn svg(out: &'a mut String, size: (u32, u32)) -> Self {
        Backend {
            surface: Surface::Svg(SVGBackend::with_string(out, size)),
            size,
            words: None,
        }
    }

    /// A canvas drawn at `size`, keeping the words drawn into `words`.
    #[cfg(target_arch = "wasm32")]
    pub fn canvas(
        canvas: plotters_canvas::CanvasBackend,
        size: (u32, u32),
        words: Rc<RefCell<Vec<String>>>,
    ) -> Self {
        Backend {
            surface: Surface::Canvas(canvas),
            size,
            words: Some(words),
        }
    }
}

/// What went wrong drawing, in either backend.
#[derive(Debug)]
pub struct DrawError(String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DrawError {}

type Failed = DrawingErrorKind<DrawError>;

fn failed<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> Failed {
    match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(DrawError(e.to_string()))
        }
        DrawingErrorKind::FontError(f) => DrawingErrorKind::FontError(f),
    }
}

/// Calls the same method on whichever backend this is.
macro_rules! on_surface {
    ($self:ident, $b:ident => $call:expr) => {
        match &mut $self.surface {
            Surface::Svg($b) => $call.map_err(failed),
            #[cfg(target_arch = "wasm32")]
            Surface::Canvas($b) => $call.map_err(failed),
        }
    };
}

impl DrawingBackend for Backend<'_> {
    type ErrorType = DrawError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), Failed> {
        on_surface!(self, b => b.ensure_prepared())
    }
    fn present(&mut self) -> Result<(), Failed> {
        on_surface!(self, b => b.present())
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Failed> {
        on_surface!(self, b => b.draw_pixel(point, color))
    }
    fn draw_line<S: plotters_backend::BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failed> {
        on_surface!(self, b => b.draw_line(from, to, style))
    }
    fn draw_rect<S: plotters_backend::BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failed> {
        on_surface!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }
    fn draw_path<S: plotters_backend::BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failed> {
        let path: Vec<BackendCoord> = path.into_iter().collect();
        on_surface!(self, b => b.draw_path(path, style))
    }
    fn draw_circle<S: plotters_backend::BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failed> {
        on_surface!(self, b => b.draw_circle(center, radius, style, fill))
    }
    fn fill_polygon<S: plotters_backend::BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Failed> {
        let vert: Vec<BackendCoord> = vert.into_iter().collect();
        on_surface!(self, b => b.fill_polygon(vert, style))
    }
    fn draw_text<S: plotters_backend::BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), Failed> {
        if let Some(words) = &self.words {
            words.borrow_mut().push(text.to_string());
        }
        on_surface!(self, b => b.draw_text(text, style, pos))
    }
    fn estimate_text_size<S: plotters_backend::BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), Failed> {
        match &self.surface {
            #[cfg(target_arch = "wasm32")]
            Surface::Canvas(b) => b.estimate_text_size(text, style).map_err(failed),
            Surface::Svg(_) => {
                // Sans-serif glyphs average a little over half the font size in width.
                let size = plotters_backend::BackendTextStyle::size(style);
                Ok((
                    (text.chars().count() as f64 * size * 0.5).ceil() as u32,
                    size.ceil() as u32,
                ))
            }
        }
    }
    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (w, h): (u32, u32),
        src: &[u8],
    ) -> Result<(), Failed> {
        on_surface!(self, b => b.blit_bitmap(pos, (w, h), src))
    }
}

/// What a legend item looks like.
enum Key {
    Bar(RGBColor),
    Outline(RGBColor),
    Line(RGBColor),
}

/// A legend along the top of the chart, drawn from plain shapes and text (plotters' own legend
/// measures its text in the live page, which is slow; see [`Svg`]).
fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    items: &[(Key, &str)],
) -> Drawn
where
    DB::ErrorType: 'static,
{
    let width = root.dim_in_pixel().0 as i32;
    let (mut x, mut y) = (60, 0);
    for (key, label) in items {
        let item_width = 19 + (label.chars().count() as f64 * 15.0 * 0.5) as i32 + 22;
        if x > 60 && x + item_width > width {
            x = 60;
            y += 22;
        }
        match key {
            Key::Bar(c) => {
                root.draw(&Rectangle::new([(x, y + 9), (x + 14, y + 21)], c.filled()))?
            }
            Key::Outline(c) => root.draw(&Rectangle::new(
                [(x, y + 9), (x + 14, y + 21)],
                ShapeStyle::from(c).stroke_width(1),
            ))?,
            Key::Line(c) => root.draw(&PathElement::new(
                vec![(x, y + 15), (x + 14, y + 15)],
                ShapeStyle::from(c).stroke_width(3),
            ))?,
        }
        root.draw(&Text::new(
            label.to_string(),
            (x + 19, y + 8),
            (FONT, 15).into_font(),
        ))?;
        x += item_width;
    }
    Ok(())
}

/// Criteria: communes meeting each at the start, projected, and the 2022 target.
pub fn criteria_chart(model: &Model, o: &Outcome, lang: Lang) -> String {
    criteria_chart_with_risk(model, o, lang, None)
}

/// The criteria chart with, where the risk run has drawn what is on screen, each criterion's
/// P10–P90 of communes meeting it as a whisker over its projected bar.
pub fn criteria_chart_with_risk(
    model: &Model,
    o: &Outcome,
    lang: Lang,
    risk: Option<&crate::engine::risk::RiskOutcome>,
) -> String {
    Which::Criteria.svg(model, o, lang, risk)
}

pub fn criteria_chart_with_risk_on<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &Model,
    o: &Outcome,
    lang: Lang,
    risk: Option<&crate::engine::risk::RiskOutcome>,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    let n = model.table.communes.len() as f64;
    let drawn: Drawn = (|| {
        let root = area.clone();
        root.fill(&WHITE)?;
        let target = lang.fill(t::TARGET_OF_YEAR, &[("year", &model.plan.year)]);
        draw_legend(
            &root,
            &[
                (Key::Bar(START), lang.say(t::START_OF_YEAR)),
                (Key::Bar(PROJECTED), lang.say(t::PROJECTED)),
                (Key::Line(TARGET), target.as_str()),
            ]
            .into_iter()
            .chain(risk.map(|_| (Key::Line(BAND), lang.say(t::RISK_P10_P90))))
            .collect::<Vec<_>>(),
        )?;
        let criteria = model.plan.criteria.len();
        let mut chart = criteria_axes(&root, n, criteria, lang)?;
        let bar = |k: usize, offset: f64, value: f64, colour: RGBColor| {
            let x = k as f64 + offset;
            Rectangle::new([(x, 0.0), (x + 0.36, value)], colour.filled())
        };
        chart.draw_series(
            o.criteria
                .iter()
                .enumerate()
                .map(|(k, c)| bar(k, -0.38, f64::from(c.baseline), START)),
        )?;
        chart.draw_series(
            o.criteria
                .iter()
                .enumerate()
                .map(|(k, c)| bar(k, 0.02, f64::from(c.met), PROJECTED)),
        )?;
        chart.draw_series(o.criteria.iter().enumerate().map(|(k, c)| {
            let y = f64::from(c.target);
            PathElement::new(
                vec![(k as f64 - 0.45, y), (k as f64 + 0.45, y)],
                ShapeStyle::from(&TARGET).stroke_width(3),
            )
        }))?;
        if let Some(r) = risk {
            chart.draw_series(r.criteria.iter().enumerate().flat_map(|(k, c)| {
                let x = k as f64 + 0.2;
                let style = ShapeStyle::from(&BAND).stroke_width(2);
                [
                    PathElement::new(vec![(x, c.met.p10), (x, c.met.p90)], style),
                    PathElement::new(vec![(x - 0.1, c.met.p10), (x + 0.1, c.met.p10)], style),
                    PathElement::new(vec![(x - 0.1, c.met.p90), (x + 0.1, c.met.p90)], style),
                ]
            }))?;
        }
        root.present()?;
        Ok(())
    })();
    drawn
}

/// Axes for counts of communes per criterion (1 to N along, communes up).
fn criteria_axes<'b, DB: DrawingBackend>(
    root: &'b DrawingArea<DB, plotters::coord::Shift>,
    communes: f64,
    criteria: usize,
    lang: Lang,
) -> Result<ChartContext<'b, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>, String>
where
    DB::ErrorType: 'static,
{
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .margin_top(34)
        .x_label_area_size(36)
        .y_label_area_size(48)
        .build_cartesian_2d(-0.5f64..(criteria as f64 - 0.5), 0f64..communes * 1.05)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .disable_x_mesh()
        .x_labels(criteria)
        .x_label_formatter(&|x| {
            if (x - x.round()).abs() < 1e-6 {
                format!("{}", x.round() as i64 + 1)
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|y| number(*y, 0, lang))
        .x_desc(lang.say(t::CRITERION))
        .y_desc(lang.say(t::COMMUNES_MEETING_IT))
        .label_style((FONT, 15))
        .axis_desc_style((FONT, 15))
        .draw()
        .map_err(|e| e.to_string())?;
    Ok(chart)
}

fn start_histogram(model: &Model) -> Vec<u32> {
    let mut h = vec![0u32; model.plan.criteria.len() + 1];
    for c in &model.table.communes {
        h[model.criteria_met(c.meets) as usize] += 1;
    }
    h
}

/// Communes by number of criteria met, in the outcome's bands (for 19 criteria 19 / 15–18 /
/// 10–14 / 5–9 / under 5; `engine::outcome::Bands` for any other number).
pub fn bands_chart(model: &Model, o: &Outcome, lang: Lang) -> String {
    Which::Bands.svg(model, o, lang, None)
}

pub fn bands_chart_on<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &Model,
    o: &Outcome,
    lang: Lang,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    let start = crate::engine::outcome::Bands::of(&start_histogram(model));
    let after = crate::engine::outcome::Bands::of(&o.histogram);
    let labels: Vec<String> = after
        .0
        .iter()
        .map(|(name, _)| match name.as_str() {
            // The 19 criteria's lowest band, as the plan says it.
            "0-4" if o.histogram.len() == 20 => lang.say(t::BAND_UNDER_FIVE).to_string(),
            name => name.replace('-', "–"),
        })
        .collect();
    let bands = labels.len();
    let before: Vec<f64> = start.0.iter().map(|(_, n)| f64::from(*n)).collect();
    let after: Vec<f64> = after.0.iter().map(|(_, n)| f64::from(*n)).collect();
    let top = before.iter().chain(&after).cloned().fold(1.0, f64::max) * 1.15;
    let drawn: Drawn = (|| {
        let root = area.clone();
        root.fill(&WHITE)?;
        draw_legend(
            &root,
            &[
                (Key::Bar(START), lang.say(t::START_OF_YEAR)),
                (Key::Bar(PROJECTED), lang.say(t::HEADING_PROJECTED)),
            ],
        )?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .margin_top(34)
            .x_label_area_size(36)
            .y_label_area_size(44)
            .build_cartesian_2d(-0.5f64..(bands as f64 - 0.5), 0f64..top)?;
        chart
            .configure_mesh()
            .light_line_style(TRANSPARENT)
            .disable_x_mesh()
            .x_labels(bands)
            .x_label_formatter(&|x| {
                let i = x.round() as i64;
                if (x - x.round()).abs() < 1e-6 && (0..bands as i64).contains(&i) {
                    labels[i as usize].clone()
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|y| number(*y, 0, lang))
            .x_desc(lang.say(t::CRITERIA_MET))
            .y_desc(lang.say(t::HEADING_COMMUNES))
            .label_style((FONT, 15))
            .axis_desc_style((FONT, 15))
            .draw()?;
        chart.draw_series(before.iter().enumerate().map(|(i, v)| {
            Rectangle::new(
                [(i as f64 - 0.38, 0.0), (i as f64 - 0.02, *v)],
                START.filled(),
            )
        }))?;
        chart.draw_series(after.iter().enumerate().map(|(i, v)| {
            Rectangle::new(
                [(i as f64 + 0.02, 0.0), (i as f64 + 0.38, *v)],
                PROJECTED.filled(),
            )
        }))?;
        chart.draw_series(after.iter().enumerate().map(|(i, v)| {
            Text::new(
                number(*v, 0, lang),
                (i as f64 + 0.05, *v + top * 0.02),
                (FONT, 14).into_font(),
            )
        }))?;
        root.present()?;
        Ok(())
    })();
    drawn
}

/// The most districts a chart shows (a national table has hundreds).
const MAX_DISTRICTS: usize = 24;

/// Districts: average criteria a commune at the start and projected.
/// The districts chart's height: a bar pair a district.
pub fn districts_height(o: &Outcome) -> u32 {
    if o.districts.is_empty() {
        return 60;
    }
    60 + 26 * o.districts.len().min(MAX_DISTRICTS).max(1) as u32
}

pub fn districts_chart(model: &Model, o: &Outcome, lang: Lang) -> String {
    Which::Districts.svg(model, o, lang, None)
}

pub fn districts_chart_on<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &Model,
    o: &Outcome,
    lang: Lang,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    if o.districts.is_empty() {
        // A table of the two-tier government (since July 2025) has no districts.
        area.fill(&WHITE)?;
        area.draw(&Text::new(
            lang.say(t::NO_DISTRICT_COLUMN_ON_THE_PAGE).to_string(),
            (10, 24),
            (FONT, 14).into_font().color(&RGBColor(0x5b, 0x67, 0x73)),
        ))?;
        return Ok(());
    }
    let districts = &o.districts[..o.districts.len().min(MAX_DISTRICTS)];
    let mut start = vec![(0u32, 0u32); districts.len()];
    for c in &model.table.communes {
        if let Some(s) = start.get_mut(c.district) {
            s.0 += model.criteria_met(c.meets);
            s.1 += 1;
        }
    }
    let n = districts.len().max(1);
    let names: Vec<String> = districts.iter().map(|d| d.name.clone()).collect();
    let drawn: Drawn = (|| {
        let root = area.clone();
        root.fill(&WHITE)?;
        draw_legend(
            &root,
            &[
                (Key::Bar(START), lang.say(t::START_OF_YEAR)),
                (Key::Bar(PROJECTED), lang.say(t::HEADING_PROJECTED)),
            ],
        )?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .margin_top(34)
            .x_label_area_size(36)
            .y_label_area_size(150)
            .build_cartesian_2d(0f64..24.0, -0.5f64..(n as f64 - 0.5))?;
        chart
            .configure_mesh()
            .light_line_style(TRANSPARENT)
            .disable_y_mesh()
            .y_labels(n)
            .y_label_formatter(&|y| {
                let i = y.round() as i64;
                if (y - y.round()).abs() < 1e-6 && i >= 0 && (i as usize) < names.len() {
                    names[n - 1 - i as usize].clone()
                } else {
                    String::new()
                }
            })
            .x_label_formatter(&|x| number(*x, 0, lang))
            .x_desc(lang.say(t::AVERAGE_CRITERIA_A_COMMUNE))
            .label_style((FONT, 15))
            .axis_desc_style((FONT, 15))
            .draw()?;
        let row = |i: usize| (n - 1 - i) as f64;
        chart.draw_series(start.iter().enumerate().map(|(i, (met, count))| {
            let v = f64::from(*met) / f64::from((*count).max(1));
            Rectangle::new([(0.0, row(i) + 0.02), (v, row(i) + 0.38)], START.filled())
        }))?;
        chart.draw_series(districts.iter().enumerate().map(|(i, d)| {
            Rectangle::new(
                [(0.0, row(i) - 0.38), (d.avg_criteria, row(i) - 0.02)],
                PROJECTED.filled(),
            )
        }))?;
        chart.draw_series(districts.iter().enumerate().map(|(i, d)| {
            Text::new(
                format!(
                    "{} · {}",
                    number(d.avg_criteria, 2, lang),
                    lang.fill(t::N_CERTIFIED, &[("count", &d.certified)])
                ),
                (d.avg_criteria + 0.15, row(i) - 0.1),
                (FONT, 13).into_font(),
            )
        }))?;
        root.present()?;
        Ok(())
    })();
    drawn
}

/// Where each source's money went: to each group of criteria, idle, or never arrived.
pub fn sources_chart(model: &Model, o: &Outcome, lang: Lang) -> String {
    Which::Sources.svg(model, o, lang, None)
}

pub fn sources_chart_on<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &Model,
    o: &Outcome,
    lang: Lang,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    let plan = &model.plan;
    // Each item's display group (its criterion's); those without one in a group of their own.
    let other = plan.groups.len();
    let group_of: Vec<usize> = plan
        .items
        .iter()
        .map(|item| {
            let key = &plan.criteria[item.criterion].group;
            plan.groups
                .iter()
                .position(|g| g.key == *key)
                .unwrap_or(other)
        })
        .collect();
    let groups = other + usize::from(group_of.contains(&other));
    let group_of_key = |key: &str| plan.item_index(key).map_or(other, |j| group_of[j]);
    let n = o.funding.sources.len();
    let top = o
        .funding
        .sources
        .iter()
        .map(|s| s.pledged)
        .fold(1.0, f64::max)
        * 1.08;
    let names: Vec<String> = plan
        .sources
        .iter()
        .map(|s| lang.pick(s.name_vi.clone(), s.name_en.clone()))
        .collect();
    let drawn: Drawn = (|| {
        let root = area.clone();
        root.fill(&WHITE)?;
        let (upper, lower) = root.split_vertically(290);
        let group_names: Vec<String> = plan
            .groups
            .iter()
            .map(|g| lang.pick(g.name_vi.clone(), g.name_en.clone()))
            .chain((groups > other).then(|| lang.say(t::OTHER_CRITERIA).to_string()))
            .collect();
        let keys: Vec<(Key, &str)> = group_names
            .iter()
            .enumerate()
            .map(|(g, name)| (Key::Bar(GROUP_COLOURS[g % 4]), name.as_str()))
            .chain([
                (Key::Bar(IDLE), lang.say(t::HEADING_IDLE_MONEY)),
                (Key::Outline(TARGET), lang.say(t::DID_NOT_ARRIVE)),
            ])
            .collect();
        draw_legend(&lower, &keys)?;
        let root = upper;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .margin_top(12)
            .x_label_area_size(36)
            .y_label_area_size(215)
            .build_cartesian_2d(0f64..top, -0.5f64..(n as f64 - 0.5))?;
        chart
            .configure_mesh()
            .light_line_style(TRANSPARENT)
            .disable_y_mesh()
            .y_labels(n)
            .y_label_formatter(&|y| {
                let i = y.round() as i64;
                if (y - y.round()).abs() < 1e-6 && i >= 0 && (i as usize) < n {
                    let name = &names[n - 1 - i as usize];
                    name.chars().take(33).collect()
                } else {
                    String::new()
                }
            })
            .x_label_formatter(&|x| number(*x, 0, lang))
            .x_desc(lang.say(t::HEADING_BILLION_VND))
            .label_style((FONT, 14))
            .axis_desc_style((FONT, 15))
            .draw()?;
        let row = |s: usize| (n - 1 - s) as f64;
        for g in 0..groups {
            let segments: Vec<Rectangle<(f64, f64)>> = o
                .funding
                .sources
                .iter()
                .enumerate()
                .map(|(s, src)| {
                    let before: f64 = src
                        .to
                        .iter()
                        .filter(|(k, _)| group_of_key(k) < g)
                        .map(|(_, v)| v)
                        .sum();
                    let here: f64 = src
                        .to
                        .iter()
                        .filter(|(k, _)| group_of_key(k) == g)
                        .map(|(_, v)| v)
                        .sum();
                    Rectangle::new(
                        [(before, row(s) - 0.35), (before + here, row(s) + 0.35)],
                        GROUP_COLOURS[g % 4].filled(),
                    )
                })
                .collect();
            chart.draw_series(segments)?;
        }
        chart.draw_series(o.funding.sources.iter().enumerate().map(|(s, src)| {
            let paid: f64 = src.to.iter().map(|(_, v)| v).sum();
            Rectangle::new(
                [(paid, row(s) - 0.35), (paid + src.idle, row(s) + 0.35)],
                IDLE.filled(),
            )
        }))?;
        chart.draw_series(o.funding.sources.iter().enumerate().map(|(s, src)| {
            Rectangle::new(
                [(src.arrived, row(s) - 0.35), (src.pledged, row(s) + 0.35)],
                ShapeStyle::from(&TARGET).stroke_width(1),
            )
        }))?;
        root.present()?;
        Ok(())
    })();
    drawn
}

/// A chart drawn as SVG at `size`; what went wrong, in its place, if it could not be.
pub(crate) fn svg_of(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<Backend<'_>, Shift>) -> Drawn,
) -> String {
    let mut svg = String::new();
    let drawn = draw(&Backend::svg(&mut svg, size).into_drawing_area());
    match drawn {
        Ok(()) => svg,
        Err(e) => format!("<p class=\"chart-error\">{e}</p>"),
    }
}

/// The width and height an SVG from plotters declares.
pub fn svg_size(svg: &str) -> (u32, u32) {
    let attr = |name: &str| -> Option<u32> {
        let at = svg.find(&format!("{name}=\""))? + name.len() + 2;
        svg[at..].split('"').next()?.parse().ok()
    };
    (
        attr("width").unwrap_or(WIDTH),
        attr("height").unwrap_or(320),
    )
}

/// Scenarios side by side: communes meeting each criterion, one bar per scenario.
pub fn compare_chart(model: &Model, outcomes: &[(String, Outcome)], lang: Lang) -> String {
    svg_of((WIDE, 360), |area| {
        compare_chart_on(area, model, outcomes, lang)
    })
}

pub fn compare_chart_on<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &Model,
    outcomes: &[(String, Outcome)],
    lang: Lang,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    let n = model.table.communes.len() as f64;
    let colours = [
        PROJECTED,
        RGBColor(0xc0, 0x5a, 0x00),
        RGBColor(0x4f, 0x8a, 0x3c),
        RGBColor(0x8e, 0x5a, 0xa8),
    ];
    let count = outcomes.len().max(1) as f64;
    let drawn: Drawn = (|| {
        let root = area.clone();
        root.fill(&WHITE)?;
        let keys: Vec<(Key, &str)> = outcomes
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (Key::Bar(colours[i % 4]), name.as_str()))
            .collect();
        draw_legend(&root, &keys)?;
        let criteria = outcomes.first().map_or(0, |(_, o)| o.criteria.len());
        let mut chart = criteria_axes(&root, n, criteria, lang)?;
        let width = 0.8 / count;
        for (j, (_, o)) in outcomes.iter().enumerate() {
            chart.draw_series(o.criteria.iter().enumerate().map(|(k, c)| {
                let x = k as f64 - 0.4 + j as f64 * width;
                Rectangle::new(
                    [(x, 0.0), (x + width * 0.92, f64::from(c.met))],
                    colours[j % 4].filled(),
                )
            }))?;
        }
        chart.draw_series(
            outcomes
                .first()
                .into_iter()
                .flat_map(|(_, o)| o.criteria.iter().enumerate())
                .map(|(k, c)| {
                    let y = f64::from(c.target);
                    PathElement::new(
                        vec![(k as f64 - 0.45, y), (k as f64 + 0.45, y)],
                        ShapeStyle::from(&BLACK).stroke_width(2),
                    )
                }),
        )?;
        root.present()?;
        Ok(())
    })();
    drawn
}

/// The charts the page shows live, each drawn on any backend at its own size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Criteria,
    Bands,
    Sources,
    Districts,
}

impl Which {
    pub fn key(self) -> &'static str {
        match self {
            Which::Criteria => "criteria",
            Which::Bands => "bands",
            Which::Sources => "sources",
            Which::Districts => "districts",
        }
    }

    /// The chart's size in CSS pixels.
    pub fn size(self, o: &Outcome) -> (u32, u32) {
        match self {
            Which::Criteria => (WIDE, 340),
            Which::Bands => (WIDTH, 320),
            Which::Sources => (WIDTH, 400),
            Which::Districts => (WIDTH, districts_height(o)),
        }
    }

    /// Draws the chart (with the risk band where the criteria chart has one).
    pub fn draw<DB: DrawingBackend>(
        self,
        area: &DrawingArea<DB, Shift>,
        model: &Model,
        o: &Outcome,
        lang: Lang,
        risk: Option<&crate::engine::risk::RiskOutcome>,
    ) -> Drawn
    where
        DB::ErrorType: 'static,
    {
        match self {
            Which::Criteria => criteria_chart_with_risk_on(area, model, o, lang, risk),
            Which::Bands => bands_chart_on(area, model, o, lang),
            Which::Sources => sources_chart_on(area, model, o, lang),
            Which::Districts => districts_chart_on(area, model, o, lang),
        }
    }

    /// The chart as SVG (exports, the report, the presentation).
    pub fn svg(
        self,
        model: &Model,
        o: &Outcome,
        lang: Lang,
        risk: Option<&crate::engine::risk::RiskOutcome>,
    ) -> String {
        svg_of(self.size(o), |area| self.draw(area, model, o, lang, risk))
    }
}
