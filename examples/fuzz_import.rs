//! Fuzzes the plan-file importer for a time budget with the generator `cargo test` uses
//! (`tests/fuzz/mod.rs`): broken files from real exports go through parse, preview, merge,
//! storage and export. A case that panics or breaks the import contract is shrunk and kept in
//! `tests/fixtures/fuzz-crashers/<hash>.json`, where `tests/exchange_fuzz.rs` runs it on every
//! `cargo test`. Prints a Markdown table: cases, seconds, panics, the largest file, the most
//! heap one case held (a counting allocator) and that heap over the file's size, the slowest
//! case.
//!
//! Usage: `scripts/fuzz.sh`, or `FUZZ_SECONDS=60 [FUZZ_SEED=n] cargo run --profile fuzz --example fuzz_import`
//! (the `fuzz` profile is release with `panic = "unwind"`, so panics can be caught).

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/fuzz/mod.rs"]
mod fuzz;

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOC: fuzz::CountingAlloc = fuzz::CountingAlloc;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    run::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod run {
    use super::fuzz::{self, Bases, Case};
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    use std::panic::{catch_unwind, AssertUnwindSafe};
    use std::time::{Duration, Instant};

    const RATIO_FROM: usize = 256 * 1024;

    #[derive(Default)]
    struct Stats {
        cases: u64,
        accepted: u64,
        panics: u64,
        max_input: usize,
        max_peak: usize,
        /// Largest peak heap over input size, for files of at least `RATIO_FROM` bytes (below
        /// that the fixed cost of the local plan it is merged into dominates).
        max_ratio: f64,
        slowest: Duration,
    }

    /// Runs one file; `Err` holds the panic message.
    fn attempt(bytes: &[u8], b: &Bases) -> Result<(fuzz::Verdict, usize, Duration), String> {
        let start = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            fuzz::peak_heap(|| fuzz::check(bytes, &b.local))
        }));
        let took = start.elapsed();
        match outcome {
            Ok((verdict, peak)) => Ok((verdict, peak, took)),
            Err(p) => Err(p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "a panic without a message".to_owned())),
        }
    }

    /// Shrinks a failing case with proptest's own simplify/complicate walk (bounded), and
    /// returns the smallest failing file found.
    fn shrink(mut tree: impl ValueTree<Value = Case>, mut bytes: Vec<u8>, b: &Bases) -> Vec<u8> {
        let fails = |c: &Case| {
            let file = fuzz::render(c, b);
            attempt(&file, b).is_err().then_some(file)
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        if !tree.simplify() {
            return bytes;
        }
        while Instant::now() < deadline {
            if let Some(file) = fails(&tree.current()) {
                if file.len() <= bytes.len() {
                    bytes = file;
                }
                if !tree.simplify() {
                    break;
                }
            } else if !tree.complicate() {
                break;
            }
        }
        bytes
    }

    pub fn main() {
        let seconds: u64 = std::env::var("FUZZ_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(60);
        let seed: u64 = std::env::var("FUZZ_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            });
        eprintln!("fuzz_import: {seconds} s, FUZZ_SEED={seed}");
        // Panics are caught and reported in the table; their messages would flood the output.
        std::panic::set_hook(Box::new(|_| {}));

        let b = fuzz::bases(true);
        let strategy = fuzz::case(b.files.len());
        let mut seed_bytes = [0u8; 32];
        seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
        let mut runner = TestRunner::new_with_rng(
            Config::default(),
            TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
        );
        let dir = fuzz::crasher_dir();
        let mut stats = Stats::default();
        let started = Instant::now();
        let budget = Duration::from_secs(seconds);
        let mut last_report = Instant::now();
        while started.elapsed() < budget {
            let tree = match strategy.new_tree(&mut runner) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("fuzz_import: the generator failed: {e}");
                    std::process::exit(2);
                }
            };
            let bytes = fuzz::render(&tree.current(), &b);
            stats.cases += 1;
            stats.max_input = stats.max_input.max(bytes.len());
            match attempt(&bytes, &b) {
                Ok((verdict, peak, took)) => {
                    if verdict == fuzz::Verdict::Accepted {
                        stats.accepted += 1;
                    }
                    stats.max_peak = stats.max_peak.max(peak);
                    if bytes.len() >= RATIO_FROM {
                        stats.max_ratio = stats.max_ratio.max(peak as f64 / bytes.len() as f64);
                    }
                    stats.slowest = stats.slowest.max(took);
                }
                Err(message) => {
                    stats.panics += 1;
                    let small = shrink(tree, bytes, &b);
                    let path = dir.join(format!("{}.json", fuzz::short_hash(&small)));
                    if let Err(e) = std::fs::write(&path, &small) {
                        eprintln!("fuzz_import: could not write {}: {e}", path.display());
                    }
                    let message: String = message.chars().take(300).collect();
                    eprintln!(
                        "fuzz_import: PANIC ({} bytes, kept as {}): {message}",
                        small.len(),
                        path.display()
                    );
                }
            }
            if last_report.elapsed() > Duration::from_secs(15) {
                last_report = Instant::now();
                eprintln!(
                    "fuzz_import: {} cases ({} accepted), {} panics, {:.0} s",
                    stats.cases,
                    stats.accepted,
                    stats.panics,
                    started.elapsed().as_secs_f64()
                );
            }
        }
        let seconds = started.elapsed().as_secs_f64();
        println!("| cases | accepted | seconds | panics | max input size | max peak heap | max peak heap / input size | slowest case ms |");
        println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        println!(
            "| {} | {} | {seconds:.0} | {} | {} KB | {} KB | {:.1}× | {:.0} |",
            stats.cases,
            stats.accepted,
            stats.panics,
            stats.max_input / 1024,
            stats.max_peak / 1024,
            stats.max_ratio,
            stats.slowest.as_secs_f64() * 1000.0
        );
        println!();
        println!(
            "Seed {seed}. Peak heap is the most one case held at once while it was parsed, \
             previewed, merged (four times), saved and loaded, exported and rendered; the ratio \
             is over files of {} KB or more.",
            RATIO_FROM / 1024
        );
        if stats.panics > 0 {
            std::process::exit(1);
        }
    }
}
