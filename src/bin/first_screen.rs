//! `first-screen`: prints the page's first screen (the plan scenario's headline in its frame,
//! in Vietnamese) for the build to write into `index.html` (scripts/post_build.py).

use ntm_planner::engine::Model;
use ntm_planner::formats::seeds::{preset_name, presets};
use ntm_planner::show::first_screen::first_screen;
use ntm_planner::text::Lang;

fn main() -> std::process::ExitCode {
    let model = Model::shipped();
    let lang = Lang::default();
    let names = match presets(&model.plan) {
        Ok(list) => list
            .iter()
            .map(|(key, s)| preset_name(key, s, &model.plan, lang))
            .collect::<Vec<_>>(),
        Err(e) => {
            eprintln!("first-screen: {}", e.message(lang));
            return std::process::ExitCode::FAILURE;
        }
    };
    // The shipped commune table is the illustrative one.
    print!("{}", first_screen(&model, &names, true, lang));
    std::process::ExitCode::SUCCESS
}
