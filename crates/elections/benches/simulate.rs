//! Times `simulate` on the Monte-Carlo case (25 constituencies x 10 parties, 125 seats,
//! magnitudes 3-7, Dirichlet(400 x share), D'Hondt): `cargo bench -p accord-elections`.
//!
//! A plain `harness = false` bench rather than criterion: a simulation of 100,000 runs is long
//! enough to time with a clock, and criterion would add to every cold build of the workspace.
//! The election is built here from a fixed generator with the shape of
//! `bench/elections/make_inputs.py` (same base shares, magnitudes and electorate range), so the
//! bench needs no generated files. `ACCORD_BENCH_RUNS` (default 100,000) and
//! `ACCORD_BENCH_REPEAT` (default 5) change the work; the median is printed for 1 and 2
//! threads. Whole-process comparisons with numpy are in `bench/elections/run.sh`.

use std::time::{Duration, Instant};

use accord_elections::{Election, SimulationOptions, simulate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: u64 = env_or("ACCORD_BENCH_RUNS", 100_000);
    let repeat: usize = env_or("ACCORD_BENCH_REPEAT", 5);
    let election = Election::from_json(&bench_election())?;
    let options = SimulationOptions {
        runs,
        seed: 1,
        concentration: env_or("ACCORD_BENCH_K", 400.0),
    };
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()?;
        let mut times = Vec::with_capacity(repeat);
        let mut cpu_times = Vec::with_capacity(repeat);
        let mut first = None;
        for _ in 0..repeat {
            let cpu_before = process_cpu_seconds();
            let started = Instant::now();
            let result = pool.install(|| simulate(&election, options))?;
            times.push(started.elapsed());
            if let (Some(a), Some(b)) = (cpu_before, process_cpu_seconds()) {
                cpu_times.push(b - a);
            }
            first.get_or_insert(result);
        }
        times.sort();
        cpu_times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let cpu = cpu_times
            .get(cpu_times.len() / 2)
            .map_or_else(|| "?".to_owned(), |c| format!("{:.0} ms", c * 1000.0));
        println!(
            "simulate {runs} runs, {threads} thread(s): median {:.1} ms wall ({:.2} us per run), min {:.1} ms; median cpu {cpu}",
            ms(median),
            ms(median) * 1000.0 / runs as f64,
            ms(times[0]),
        );
        if let Some(s) = first {
            let means: Vec<String> = s
                .parties
                .iter()
                .map(|p| format!("{} {:.3}", p.party, p.mean_seats))
                .collect();
            println!("  mean seats: {}", means.join(", "));
        }
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// User + system CPU time of this process so far, from `/proc/self/stat` (Linux; clock ticks
/// assumed to be 100 per second, the kernel's `USER_HZ` on every common platform). `None`
/// elsewhere.
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// 25 constituencies x 10 parties, magnitudes 3, 4, 5, 6, 7 repeated, electorates 40,000 to
/// 400,000, each party's share its base share times a factor in [0.6, 1.4).
fn bench_election() -> String {
    let base = [0.28, 0.22, 0.15, 0.1, 0.08, 0.06, 0.05, 0.03, 0.02, 0.01];
    let mut state = 2026u64;
    let mut uniform = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut constituencies = Vec::new();
    for i in 0..25 {
        let magnitude = 3 + i % 5;
        let electorate = 40_000.0 + uniform() * 360_000.0;
        let votes: Vec<String> = base
            .iter()
            .enumerate()
            .map(|(p, share)| {
                let local = share * (0.6 + 0.8 * uniform());
                format!("\"P{p:02}\": {}", ((electorate * local) as u64).max(1))
            })
            .collect();
        constituencies.push(format!(
            "{{\"name\": \"C{i:02}\", \"seats\": {magnitude}, \"votes\": {{{}}}}}",
            votes.join(", ")
        ));
    }
    format!(
        "{{\"name\": \"bench-mc\", \"method\": \"dhondt\", \"constituencies\": [{}]}}",
        constituencies.join(", ")
    )
}
