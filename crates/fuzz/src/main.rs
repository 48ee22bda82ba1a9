//! The fuzz driver. The parent runs each target in child processes (this binary again, with
//! `--child`), so that an input that aborts the process (a stack overflow, an allocation that
//! fails under the memory limit) is found, replayed input by input, and saved, and the run goes
//! on. See the README.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use accord_fuzz::{TARGETS, Target, input, target};

/// Inputs between two progress marks of a child; a crash replays one such batch input by input.
const BATCH: u64 = 512;
/// The exit code of a child that stopped on a hang (the input is already saved and reported).
const EXIT_HANG: i32 = 3;
/// Files saved per target and kind of problem (every problem is counted).
const SAVED_PER_KIND: usize = 10;
/// The stack of the thread that runs inputs: tokio's worker default, where the server parses
/// (`ACCORD_FUZZ_STACK_KB` changes it).
fn stack_size() -> usize {
    std::env::var("ACCORD_FUZZ_STACK_KB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .map_or(2 * 1024 * 1024, |kb| kb * 1024)
}

#[derive(Debug, Clone)]
struct Options {
    targets: Vec<&'static Target>,
    inputs: u64,
    seed: u64,
    jobs: usize,
    found: PathBuf,
    timeout: Duration,
    child: Option<Child>,
    replay: Vec<PathBuf>,
}

#[derive(Debug, Clone)]
struct Child {
    from: u64,
    to: u64,
    progress: PathBuf,
    careful: bool,
}

const USAGE: &str = "usage: accord-fuzz [--inputs N] [--seed S] [--jobs J] [--found DIR] [--timeout-ms MS] [TARGET...]
       accord-fuzz --list
       accord-fuzz --replay FILE... [--target TARGET]
Targets (all when none is named): ";

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        targets: Vec::new(),
        inputs: 1_000_000,
        seed: 1,
        jobs: 2,
        found: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/found")),
        timeout: Duration::from_secs(2),
        child: None,
        replay: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    let mut child_target = None;
    let (mut from, mut to, mut progress, mut careful) = (0, 0, None, false);
    let mut replaying = false;
    let num = |v: Option<String>, name: &str| -> Result<u64, String> {
        v.and_then(|v| v.replace('_', "").parse().ok())
            .ok_or_else(|| format!("{name} needs a number"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--inputs" => o.inputs = num(args.next(), "--inputs")?,
            "--seed" => o.seed = num(args.next(), "--seed")?,
            "--jobs" => o.jobs = usize::try_from(num(args.next(), "--jobs")?.max(1)).unwrap_or(1),
            "--timeout-ms" => o.timeout = Duration::from_millis(num(args.next(), "--timeout-ms")?),
            "--found" => o.found = PathBuf::from(args.next().ok_or("--found needs a directory")?),
            "--child" => child_target = Some(args.next().ok_or("--child needs a target")?),
            "--from" => from = num(args.next(), "--from")?,
            "--to" => to = num(args.next(), "--to")?,
            "--progress" => {
                progress = Some(PathBuf::from(args.next().ok_or("--progress needs a file")?));
            }
            "--careful" => careful = true,
            "--replay" => replaying = true,
            "--target" => {
                let name = args.next().ok_or("--target needs a name")?;
                o.targets
                    .push(target(&name).ok_or(format!("no target {name:?}"))?);
            }
            "--list" => {
                for t in TARGETS {
                    println!("{:<14} {}", t.name, t.about);
                }
                std::process::exit(0);
            }
            "-h" | "--help" => {
                let names: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
                println!("{USAGE}{}", names.join(", "));
                std::process::exit(0);
            }
            other if replaying => o.replay.push(PathBuf::from(other)),
            other => o
                .targets
                .push(target(other).ok_or(format!("no target {other:?} (see --list)"))?),
        }
    }
    if let Some(name) = child_target {
        let t = target(&name).ok_or(format!("no target {name:?}"))?;
        o.targets = vec![t];
        o.child = Some(Child {
            from,
            to,
            progress: progress.ok_or("--child needs --progress")?,
            careful,
        });
    } else if o.targets.is_empty() && !replaying {
        o.targets = TARGETS.iter().collect();
    }
    Ok(o)
}

fn main() -> ExitCode {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("accord-fuzz: {e}");
            return ExitCode::from(2);
        }
    };
    if !o.replay.is_empty() {
        return replay(&o);
    }
    match (&o.child, o.targets.first()) {
        (Some(c), Some(t)) => child(&o, t, c),
        _ => parent(&o),
    }
}

// ---------------------------------------------------------------------------------------------
// Child: runs inputs `from..to` of one target and reports problems on stdout.

/// The last panic's message and place, set by the panic hook.
static PANIC: Mutex<Option<(String, String)>> = Mutex::new(None);

fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_owned());
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut p) = PANIC.lock() {
            *p = Some((message, place));
        }
    }));
}

fn save(found: &Path, t: &Target, index: u64, bytes: &[u8], what: &str) -> String {
    let _ = fs::create_dir_all(found);
    let path = found.join(format!("{}-{index}.bin", t.name));
    let _ = fs::write(&path, bytes);
    let _ = fs::write(path.with_extension("txt"), format!("{what}\n"));
    path.display().to_string()
}

/// One line of the protocol between child and parent.
fn report(index: u64, kind: &str, signature: &str, message: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "PROBLEM\t{index}\t{kind}\t{signature:?}\t{message:?}");
    let _ = out.flush();
}

fn child(o: &Options, t: &'static Target, c: &Child) -> ExitCode {
    install_panic_hook();
    let current = Arc::new(AtomicU64::new(c.from));
    // Milliseconds since `epoch` at which the current input started; 0 between inputs.
    let started = Arc::new(AtomicU64::new(0));
    let epoch = Instant::now();
    let (seed, found, timeout) = (o.seed, o.found.clone(), o.timeout);
    let worker = {
        let (current, started, c) = (Arc::clone(&current), Arc::clone(&started), c.clone());
        let found = found.clone();
        std::thread::Builder::new()
            .name("fuzz".into())
            .stack_size(stack_size())
            .spawn(move || {
                let mut saved: std::collections::HashMap<String, usize> = Default::default();
                for index in c.from..c.to {
                    if c.careful || (index - c.from) % BATCH == 0 {
                        let _ = fs::write(&c.progress, index.to_string());
                    }
                    let bytes = input(t, seed, index);
                    current.store(index, Ordering::SeqCst);
                    started.store(elapsed_ms(epoch).max(1), Ordering::SeqCst);
                    let outcome = panic::catch_unwind(AssertUnwindSafe(|| (t.run)(&bytes)));
                    started.store(0, Ordering::SeqCst);
                    let (kind, signature, message): (&str, String, String) = match outcome {
                        Ok(Ok(())) => continue,
                        Ok(Err(message)) => {
                            let sig: String = message.chars().take(40).collect();
                            ("property", sig, message)
                        }
                        Err(_) => {
                            let (message, place): (String, String) = PANIC
                                .lock()
                                .ok()
                                .and_then(|mut p| p.take())
                                .unwrap_or_default();
                            (
                                "panic",
                                place.clone(),
                                format!("panicked at {place}: {message}"),
                            )
                        }
                    };
                    let n = saved.entry(format!("{kind} {signature}")).or_default();
                    *n += 1;
                    let message = if *n <= SAVED_PER_KIND {
                        let path = save(&found, t, index, &bytes, &format!("{kind}: {message}"));
                        format!("{message} (saved {path})")
                    } else {
                        message
                    };
                    report(index, kind, &signature, &message);
                }
            })
    };
    let Ok(worker) = worker else {
        eprintln!("accord-fuzz: cannot start the fuzz thread");
        return ExitCode::from(2);
    };
    // Watchdog: an input that runs longer than the timeout is a hang.
    while !worker.is_finished() {
        std::thread::sleep(Duration::from_millis(50));
        let s = started.load(Ordering::SeqCst);
        if s != 0 && elapsed_ms(epoch).saturating_sub(s) > timeout.as_millis() as u64 {
            let index = current.load(Ordering::SeqCst);
            let bytes = input(t, seed, index);
            let path = save(
                &found,
                t,
                index,
                &bytes,
                &format!("hang: still running after {} ms", timeout.as_millis()),
            );
            report(
                index,
                "hang",
                "hang",
                &format!(
                    "still running after {} ms (saved {path})",
                    timeout.as_millis()
                ),
            );
            let _ = fs::write(&c.progress, index.to_string());
            std::process::exit(EXIT_HANG);
        }
    }
    match worker.join() {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

fn elapsed_ms(epoch: Instant) -> u64 {
    u64::try_from(epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
}

// ---------------------------------------------------------------------------------------------
// Parent: supervises one child per target at a time, `jobs` targets at once.

#[derive(Debug, Default, Clone)]
struct Summary {
    inputs: u64,
    seconds: f64,
    problems: u64,
    kinds: std::collections::BTreeMap<String, u64>,
}

fn parent(o: &Options) -> ExitCode {
    println!(
        "accord-fuzz: {} target(s), {} inputs each, seed {}, {} at once, problems saved under {}",
        o.targets.len(),
        o.inputs,
        o.seed,
        o.jobs,
        o.found.display()
    );
    let queue = Mutex::new(o.targets.clone());
    let results: Mutex<Vec<(&'static str, Summary)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..o.jobs {
            scope.spawn(|| {
                loop {
                    let next = queue
                        .lock()
                        .ok()
                        .and_then(|mut q| (!q.is_empty()).then(|| q.remove(0)));
                    let Some(t) = next else { break };
                    let summary = supervise(o, t);
                    println!(
                        "[{}] done: {} inputs in {:.1} s, {} problem(s)",
                        t.name, summary.inputs, summary.seconds, summary.problems
                    );
                    if let Ok(mut r) = results.lock() {
                        r.push((t.name, summary));
                    }
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by_key(|(name, _)| TARGETS.iter().position(|t| t.name == *name));
    println!();
    println!(
        "{:<14} {:>10} {:>10} {:>9}  kinds",
        "target", "inputs", "seconds", "problems"
    );
    let mut total = 0;
    for (name, s) in &results {
        let kinds: Vec<String> = s.kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        println!(
            "{:<14} {:>10} {:>10.1} {:>9}  {}",
            name,
            s.inputs,
            s.seconds,
            s.problems,
            kinds.join(", ")
        );
        total += s.problems;
    }
    if total == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// How a child ended.
enum End {
    Done,
    Hang(u64),
    Crash(String),
}

fn supervise(o: &Options, t: &'static Target) -> Summary {
    let start = Instant::now();
    let mut summary = Summary::default();
    let progress = std::env::temp_dir().join(format!(
        "accord-fuzz-{}-{}.progress",
        std::process::id(),
        t.name
    ));
    let stderr = progress.with_extension("stderr");
    let mut next = 0;
    let mut crashes = 0usize;
    while next < o.inputs {
        let end = run_child(
            o,
            t,
            next,
            o.inputs,
            false,
            &progress,
            &stderr,
            &mut summary,
        );
        match end {
            End::Done => next = o.inputs,
            End::Hang(i) => next = i + 1,
            End::Crash(why) => {
                // Replay the batch the child was in, one progress mark per input.
                let batch = read_index(&progress).unwrap_or(next);
                let to = (batch + BATCH).min(o.inputs);
                match run_child(o, t, batch, to, true, &progress, &stderr, &mut summary) {
                    End::Crash(why) => {
                        let i = read_index(&progress).unwrap_or(batch);
                        crashes += 1;
                        let bytes = input(t, o.seed, i);
                        let saved = if crashes <= SAVED_PER_KIND {
                            format!(
                                " (saved {})",
                                save(&o.found, t, i, &bytes, &format!("crash: {why}"))
                            )
                        } else {
                            String::new()
                        };
                        problem(
                            t,
                            &mut summary,
                            i,
                            "crash",
                            &format!("the process died: {why}{saved}"),
                        );
                        next = i + 1;
                    }
                    End::Hang(i) => next = i + 1,
                    End::Done => {
                        problem(
                            t,
                            &mut summary,
                            batch,
                            "crash",
                            &format!(
                                "the process died in inputs {batch}..{to} ({why}), but not when they ran again one by one"
                            ),
                        );
                        next = to;
                    }
                }
            }
        }
    }
    let _ = fs::remove_file(&progress);
    let _ = fs::remove_file(&stderr);
    summary.inputs = o.inputs;
    summary.seconds = start.elapsed().as_secs_f64();
    summary
}

fn problem(t: &Target, summary: &mut Summary, index: u64, kind: &str, message: &str) {
    summary.problems += 1;
    *summary.kinds.entry(kind.to_owned()).or_default() += 1;
    if summary.kinds[kind] <= 20 {
        let mut short: String = message.chars().take(400).collect();
        if short.len() < message.len() {
            short.push('…');
        }
        println!("[{}] PROBLEM input {index}: {kind}: {short}", t.name);
    } else if summary.kinds[kind] == 21 {
        println!(
            "[{}] (more {kind} problems are counted, not printed)",
            t.name
        );
    }
}

fn read_index(path: &Path) -> Option<u64> {
    fs::read_to_string(path).ok()?.trim().parse().ok()
}

#[allow(
    clippy::too_many_arguments,
    reason = "one call site per mode; a struct would only rename them"
)]
fn run_child(
    o: &Options,
    t: &'static Target,
    from: u64,
    to: u64,
    careful: bool,
    progress: &Path,
    stderr: &Path,
    summary: &mut Summary,
) -> End {
    let _ = fs::remove_file(progress);
    let Ok(exe) = std::env::current_exe() else {
        return End::Crash("cannot find the fuzz binary".into());
    };
    let Ok(err_file) = fs::File::create(stderr) else {
        return End::Crash("cannot create the child's stderr file".into());
    };
    let mut cmd = Command::new(exe);
    cmd.arg("--child")
        .arg(t.name)
        .args(["--from", &from.to_string(), "--to", &to.to_string()])
        .args(["--seed", &o.seed.to_string()])
        .args(["--timeout-ms", &o.timeout.as_millis().to_string()])
        .arg("--found")
        .arg(&o.found)
        .arg("--progress")
        .arg(progress)
        .stdout(Stdio::piped())
        .stderr(Stdio::from(err_file));
    if careful {
        cmd.arg("--careful");
    }
    let Ok(mut child) = cmd.spawn() else {
        return End::Crash("cannot start a child process".into());
    };
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            let fields: Vec<&str> = line.splitn(5, '\t').collect();
            if let ["PROBLEM", index, kind, _signature, message] = fields.as_slice() {
                let message = message
                    .trim_matches('"')
                    .replace("\\n", "\n")
                    .replace("\\\"", "\"");
                problem(t, summary, index.parse().unwrap_or(0), kind, &message);
            } else {
                println!("[{}] {line}", t.name);
            }
        }
    }
    let status = match child.wait() {
        Ok(s) => s,
        Err(e) => return End::Crash(format!("cannot wait for the child: {e}")),
    };
    if status.success() {
        return End::Done;
    }
    if status.code() == Some(EXIT_HANG) {
        return End::Hang(read_index(progress).unwrap_or(from));
    }
    let mut tail = String::new();
    if let Ok(mut f) = fs::File::open(stderr) {
        let _ = f.read_to_string(&mut tail);
    }
    let tail: String = tail
        .lines()
        .rev()
        .take(3)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join(" / ");
    End::Crash(format!("{status}; stderr: {tail}"))
}

// ---------------------------------------------------------------------------------------------
// Replay: runs saved inputs in this process (a crash then crashes here, as it would anywhere).

fn replay(o: &Options) -> ExitCode {
    install_panic_hook();
    let mut failed = false;
    for path in &o.replay {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let t = o.targets.first().copied().or_else(|| {
            TARGETS
                .iter()
                .filter(|t| name.starts_with(t.name))
                .max_by_key(|t| t.name.len())
        });
        let (Some(t), Ok(bytes)) = (t, fs::read(path)) else {
            println!(
                "{}: cannot read, or no target named by its name",
                path.display()
            );
            failed = true;
            continue;
        };
        let start = Instant::now();
        // On a thread with the fuzz loop's stack, so that a stack overflow found there is one here.
        let run = t.run;
        let outcome = std::thread::Builder::new()
            .stack_size(stack_size())
            .spawn(move || panic::catch_unwind(AssertUnwindSafe(|| run(&bytes))))
            .map_err(|_| ())
            .and_then(|h| h.join().map_err(|_| ()))
            .unwrap_or(Ok(Err("cannot start a thread".to_owned())));
        let took = start.elapsed().as_secs_f64();
        let verdict = match outcome {
            Ok(Ok(())) => "ok".to_owned(),
            Ok(Err(e)) => {
                failed = true;
                format!("property: {e}")
            }
            Err(_) => {
                failed = true;
                let (m, p) = PANIC
                    .lock()
                    .ok()
                    .and_then(|mut p| p.take())
                    .unwrap_or_default();
                format!("panic at {p}: {m}")
            }
        };
        println!("{} ({}): {verdict} in {took:.3} s", path.display(), t.name);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
