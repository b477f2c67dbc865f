//! Which communes the communes grid's filters keep (district, border, status): chosen in the
//! grid, followed by the map.

use super::state::State;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    All,
    Certified,
    Newly,
    NotCertified,
    DiffersFromPlan,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 5] = [
        StatusFilter::All,
        StatusFilter::Certified,
        StatusFilter::Newly,
        StatusFilter::NotCertified,
        StatusFilter::DiffersFromPlan,
    ];

    /// Its value in the filter's list.
    pub fn key(self) -> &'static str {
        match self {
            StatusFilter::All => "",
            StatusFilter::Certified => "certified",
            StatusFilter::Newly => "newly",
            StatusFilter::NotCertified => "not",
            StatusFilter::DiffersFromPlan => "differs",
        }
    }

    pub fn from_key(key: &str) -> StatusFilter {
        Self::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .unwrap_or(StatusFilter::All)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BorderFilter {
    All,
    Border,
    Inland,
}

impl BorderFilter {
    pub const ALL: [BorderFilter; 3] = [
        BorderFilter::All,
        BorderFilter::Border,
        BorderFilter::Inland,
    ];

    pub fn key(self) -> &'static str {
        match self {
            BorderFilter::All => "",
            BorderFilter::Border => "1",
            BorderFilter::Inland => "0",
        }
    }

    pub fn from_key(key: &str) -> BorderFilter {
        Self::ALL
            .into_iter()
            .find(|b| b.key() == key)
            .unwrap_or(BorderFilter::All)
    }
}

/// The filters and the rows they keep.
#[derive(Clone, Copy)]
pub struct CommuneFilters {
    /// A district's name, or empty for all.
    pub district: RwSignal<String>,
    pub border: RwSignal<BorderFilter>,
    pub status: RwSignal<StatusFilter>,
    /// The rows kept, in the table's order (depends on the results only when filtering by
    /// status).
    pub shown: Memo<Vec<usize>>,
}

pub fn provide_filters(state: State) -> CommuneFilters {
    let district = RwSignal::new(String::new());
    let border = RwSignal::new(BorderFilter::All);
    let status = RwSignal::new(StatusFilter::All);
    let shown = Memo::new(move |_| {
        let d = district.get();
        let b = border.get();
        let st = status.get();
        state.model.with(|m| {
            let all = m.shape.all;
            let district_known = m.table.districts.iter().any(|known| *known == d);
            let o = (st != StatusFilter::All).then(|| state.outcome.get());
            let p = (st == StatusFilter::DiffersFromPlan).then(|| state.plan_outcome.get());
            m.table
                .communes
                .iter()
                .enumerate()
                .filter(|(i, c)| {
                    let after = o.as_ref().map(|o| o.meets[*i]).unwrap_or(0);
                    // (a district the table in use lacks, left chosen before an import, keeps all)
                    (!district_known || m.table.district_name(c) == Some(d.as_str()))
                        && match b {
                            BorderFilter::All => true,
                            BorderFilter::Border => c.border,
                            BorderFilter::Inland => !c.border,
                        }
                        && match st {
                            StatusFilter::All => true,
                            StatusFilter::Certified => after == all,
                            StatusFilter::Newly => after == all && c.meets != all,
                            StatusFilter::NotCertified => after != all,
                            StatusFilter::DiffersFromPlan => {
                                // Criteria, as the grid's cells and the map's rings say it.
                                p.as_ref().is_some_and(|p| {
                                    m.shape.criteria_set(after) != m.shape.criteria_set(p.meets[*i])
                                })
                            }
                        }
                })
                .map(|(i, _)| i)
                .collect()
        })
    });
    let filters = CommuneFilters {
        district,
        border,
        status,
        shown,
    };
    provide_context(filters);
    filters
}

pub fn use_filters() -> CommuneFilters {
    expect_context::<CommuneFilters>()
}
