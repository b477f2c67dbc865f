//! Words for people: the two languages, numbers written and read as each writes them, and
//! the catalogue of every sentence the page and the command line show.

pub mod check;
pub mod explain;
pub mod number;
pub mod sentences;

use std::fmt::Display;

/// A sentence in both languages (an entry of [`sentences`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub vi: &'static str,
    pub en: &'static str,
}

/// The language of the words shown to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    /// Picks the Vietnamese or the English of a pair.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The sentence in this language.
    pub fn say(self, s: Sentence) -> &'static str {
        self.pick(s.vi, s.en)
    }

    /// Several sentences (a table's headings) in this language.
    pub fn say_all<const N: usize>(self, sentences: [Sentence; N]) -> [&'static str; N] {
        sentences.map(|s| self.say(s))
    }

    /// The name of a serving order.
    pub fn order_name(self, order: crate::engine::Strategy) -> &'static str {
        use crate::engine::Strategy::*;
        self.say(match order {
            ClosestFirst => sentences::CLOSEST_FIRST,
            CheapestFirst => sentences::CHEAPEST_FIRST,
            EquityFirst => sentences::EQUITY_FIRST,
        })
    }

    /// The sentence in this language with its `{name}` placeholders filled in.
    pub fn fill(self, s: Sentence, values: &[(&str, &dyn Display)]) -> String {
        fill(self.say(s), values)
    }
}

/// A criterion as the planner names it, "1. Quy hoạch": the one wording of every surface and
/// export.
pub fn criterion_label(c: &crate::engine::plan::Criterion, lang: Lang) -> String {
    format!("{}. {}", c.id, lang.pick(&c.name_vi, &c.name_en))
}

/// One wording of the plan's item j: its criterion's label where the criterion is its own
/// item, else its id and name (`2.1. Giao thông`).
pub fn item_label(plan: &crate::engine::Plan, j: usize, lang: Lang) -> String {
    let item = &plan.items[j];
    if item.whole_criterion {
        criterion_label(&plan.criteria[item.criterion], lang)
    } else {
        format!("{}. {}", item.id, lang.pick(&item.name_vi, &item.name_en))
    }
}

/// Puts each value where its `{name}` stands (a name with no value stays as it is).
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(&v.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
