//! How each lever's field shows its value, from the lever registry: its scale (a share as a
//! percentage), the largest value it takes as shown, its decimals and its unit. The levers,
//! the targets and the path's years all read this, so no view scales a value itself.

use crate::engine::lever::{Family, Kind, Unit};

/// A lever's field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldFormat {
    /// Shown = value × scale (100 for a share shown in percent).
    pub scale: f64,
    /// The largest value the field takes, as shown.
    pub limit: f64,
    pub decimals: usize,
    /// Whole numbers only (communes).
    pub whole: bool,
    /// The unit written beside the field ("%" for a share; the others are in the heading).
    pub unit: &'static str,
}

impl FieldFormat {
    pub fn of(family: &Family, plan: &crate::engine::Plan) -> FieldFormat {
        let scale = if family.unit == Unit::Share {
            100.0
        } else {
            1.0
        };
        let (limit, decimals, whole) = match family.kind {
            Kind::Share => (1.0, 1, false),
            Kind::Amount { max } => (max, 2, false),
            Kind::Whole { max } => (max, 0, true),
            Kind::CriteriaCount => (plan.criteria.len() as f64, 1, false),
            Kind::Order | Kind::Items => (0.0, 0, true),
        };
        FieldFormat {
            scale,
            limit: limit * scale,
            decimals,
            whole,
            unit: if family.unit == Unit::Share { "%" } else { "" },
        }
    }

    /// The value as the field shows it.
    pub fn shown(&self, value: f64) -> f64 {
        value * self.scale
    }

    /// The value a field's figure stands for.
    pub fn value(&self, shown: f64) -> f64 {
        shown / self.scale
    }
}
