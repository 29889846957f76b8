//! Writes the benchmark's seeded plan file: 20 goals, 200 actions, 5,000 KPI measurements and
//! 10,000 reflections (core's deterministic generator), exported as a full `.waymark.json` plan
//! file exactly as the app's "Full backup" would write it.
//!
//! Usage: `cargo run --release --example seed_plan -- <out.waymark.json> [goals actions measurements reflections]`
//! Prints one JSON line with the file's size and the plan's document count (read by scripts/bench).

use chrono::{TimeZone, Utc};
use waymark::core::sample::seeded_plan;
use waymark::core::Author;
use waymark::exchange::export_plan;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: seed_plan <out.waymark.json> [goals actions measurements reflections]");
        std::process::exit(2);
    };
    let n = |i: usize, default: usize| -> usize {
        args.get(i)
            .map_or(default, |s| s.parse().expect("counts are whole numbers"))
    };
    let (goals, actions, measurements, reflections) =
        (n(1, 20), n(2, 200), n(3, 5_000), n(4, 10_000));
    let plan = match seeded_plan(goals, actions, measurements, reflections, 2024) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("seed_plan: the generator refused: {e}");
            std::process::exit(1);
        }
    };
    // A fixed export time keeps the file byte-for-byte the same on every run.
    let now = Utc
        .with_ymd_and_hms(2024, 6, 1, 12, 0, 0)
        .single()
        .expect("a valid date");
    let file = export_plan(&plan, now, Author::Client);
    std::fs::write(out, &file.bytes).unwrap_or_else(|e| {
        eprintln!("seed_plan: cannot write {out}: {e}");
        std::process::exit(1);
    });
    let documents = plan.to_documents().len();
    let bytes = file.bytes.len();
    let name = &file.file_name;
    println!(
        "{{\"path\":{out:?},\"bytes\":{bytes},\"documents\":{documents},\"goals\":{goals},\"actions\":{actions},\"measurements\":{measurements},\"reflections\":{reflections},\"file_name\":{name:?}}}"
    );
}
