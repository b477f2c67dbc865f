//! The page's first screen as HTML, written into `index.html` when the page is built, so that a
//! planner on a slow link reads the plan's headline before the WebAssembly has arrived (and
//! without JavaScript at all). The same frame as the live page's first paint (its header,
//! toolbar, the headline's five cards, the change sentence, the footer) with the same classes,
//! so that the live page takes its place without moving anything; its figures are the plan
//! scenario's, from the same [`Headline`] the page shows. Nothing in it can be used (its
//! controls are disabled): the live page replaces the whole of it when it starts.

use super::headline::{CardKind, Headline};
use super::Verdict;
use crate::engine::{Model, Scenario};
pub use crate::text::number::escape_markup as escape;
use crate::text::sentences as t;
use crate::text::{Lang, Sentence};

/// The element the live page removes when it mounts (and the inline script of `index.html`
/// hides the figures of, when the planner's own scenario will be shown instead).
pub const FIRST_SCREEN_ID: &str = "first-screen";

/// The headline cards, in the page's order, with the three that carry a risk band.
const CARDS: [(CardKind, &str, bool); 5] = [
    (CardKind::Certified, "certified", true),
    (CardKind::Average, "avg-criteria", true),
    (CardKind::Border, "border-avg", true),
    (CardKind::Shortfall, "shortfall", false),
    (CardKind::Idle, "idle", false),
];

/// The first screen of the plan scenario on `model`'s table. `presets` are the preset
/// scenarios' names, in the toolbar's order (they set the width of its list).
pub fn first_screen(model: &Model, presets: &[String], illustrative: bool, lang: Lang) -> String {
    let plan = &model.plan;
    let scenario = Scenario::plan();
    let outcome = model.run(&scenario);
    let headline = Headline::of(&outcome, &scenario.targets.over(&plan.targets), lang);
    let levers = model.levers(&scenario);
    let change = crate::text::explain::sentence(
        &crate::engine::explain::explain(model, &scenario, &levers, &outcome, &outcome),
        plan,
        lang,
    );
    let say = |s| escape(lang.say(s));
    let subtitle = lang.fill(
        t::PLAN_SUBTITLE,
        &[
            ("province", &plan.province),
            ("year", &plan.year),
            ("communes", &model.table.communes.len()),
            ("criteria", &plan.criteria.len()),
        ],
    );
    let options: String = presets
        .iter()
        .map(|name| format!("<option>{}</option>", escape(name)))
        .collect();
    let buttons = |list: &[Sentence]| -> String {
        list.iter()
            .map(|&s| format!("<button type=\"button\" disabled>{}</button>", say(s)))
            .collect()
    };
    let cards: String = CARDS
        .iter()
        .map(|&(kind, id, band)| {
            let card = headline.card(kind);
            let class = match card.verdict {
                Verdict::Reached => " ok",
                Verdict::Short => " short",
                Verdict::Neither => "",
            };
            format!(
                "<div class=\"card{class}\"><div class=\"card-label\">{}</div><div class=\"figure\" data-first=\"{id}\">{}</div><div class=\"card-note\" data-first=\"{id}-note\">{}</div>{}</div>",
                escape(&card.label),
                escape(&card.figure),
                escape(&card.note),
                if band { "<div class=\"card-band\"></div>" } else { "" }
            )
        })
        .collect();
    let banner = if illustrative {
        format!(
            "<p class=\"banner\" role=\"note\">{}</p>",
            say(t::ILLUSTRATIVE_BANNER)
        )
    } else {
        String::new()
    };
    let title = lang.pick(&plan.title_vi, &plan.title_en);
    format!(
        concat!(
            "<div id=\"{id}\">",
            "<header class=\"top\"><div class=\"title\"><h1>{h1}</h1><p class=\"subtitle\">{subtitle}</p></div>",
            "<div class=\"toolbar\" role=\"toolbar\" aria-label=\"{tools}\"><label class=\"preset\"><span>{presets}</span>",
            "<select disabled><option selected>{choose}</option>{options}</select></label>",
            "{tool_buttons}<button type=\"button\" class=\"lang\" disabled>{other}</button></div></header>",
            "{banner}",
            "<main class=\"layout\"><div class=\"left\"><div class=\"levers-to-come\"></div></div>",
            "<section class=\"results\"><h2 class=\"visually-hidden\">{results}</h2>",
            "<div class=\"export-bar\" role=\"toolbar\" aria-label=\"{export}\">{export_buttons}</div>",
            "<section class=\"headline\" aria-label=\"{headline}\">{cards}</section>",
            "<p class=\"band-note\"></p><p class=\"change-summary\" data-first=\"change\">{change}</p>",
            "<noscript><p class=\"banner warn\" data-first=\"noscript\">{noscript}</p></noscript>",
            "<p class=\"banner warn\" data-first=\"failed\" hidden>{failed}</p>",
            "</section></main>",
            "<footer class=\"footer\">{footer}</footer>",
            "</div>"
        ),
        id = FIRST_SCREEN_ID,
        h1 = say(t::APP_TITLE),
        subtitle = escape(&subtitle),
        tools = say(t::TOOLS),
        presets = say(t::PRESETS),
        choose = say(t::CHOOSE),
        options = options,
        tool_buttons = buttons(&[t::UNDO, t::REDO, t::RESET_TO_THE_PLAN]),
        other = say(t::OTHER_LANGUAGE),
        banner = banner,
        results = say(t::RESULTS),
        export = say(t::EXPORT_AND_PRESENT),
        export_buttons = buttons(&[
            t::COMPARE_SCENARIOS,
            t::PRESENT,
            t::PRINTABLE_REPORT,
            t::EXPORT_CSV,
            t::EXPORT_EXCEL
        ]),
        headline = say(t::HEADLINE_RESULTS),
        cards = cards,
        change = escape(&change),
        noscript = say(t::FIRST_SCREEN_NOSCRIPT),
        failed = say(t::THE_PAGE_COULD_NOT_START),
        footer = escape(&lang.fill(t::PAGE_FOOTER, &[("title", &title)])),
    )
}
