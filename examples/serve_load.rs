//! Load benchmark for `briefing serve`: N attendees (200 by default) follow on loopback while
//! the presenter changes view every 100 ms.
//!
//! ```sh
//! cargo run --release --example serve_load -- [--attendees 200] [--changes 100] \
//!     [--period-ms 100] [--sizes 80x24[,100x30,...]]
//! ```
//!
//! With several sizes, attendees take them in turn (a room of different terminals).
//!
//! The server runs in a child process (this same program with `--server`), headless, exactly
//! as `briefing serve --headless --open` does: the presenter's keys arrive on its standard
//! input. This process connects the attendees with the russh client and writes `<Tab>` (the
//! presenter moves to the next pane) once per period. Each attendee's bytes go through a vt100
//! screen; the frame for change k has arrived when the status line (drawn last) names the pane
//! the presenter moved to. Its latency is that arrival minus the time the key was written; a
//! change whose frame was skipped because a newer one superseded it (latest wins) counts as
//! coalesced. Panes repeat every 4 changes, so latencies up to 4 periods are told apart.
//! Reported: latency p50/p99/max over all (attendee, change) pairs, the server's resident
//! memory per attendee (VmRSS of the child before and after the attendees joined), its CPU time
//! per change, the bytes sent per attendee per change, and the machine's load average.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use briefing::app::{Session, Size, State};
use briefing::model::Lang;
use briefing::serve::{Access, Config, Limits};
use briefing::ui::Theme;
use russh::client;
use russh::keys::{Algorithm, PrivateKey};
use russh::{ChannelMsg, keys::PublicKeyOrCertificate};
use tokio::sync::watch;

struct Args {
    attendees: usize,
    changes: usize,
    period: Duration,
    sizes: Vec<Size>,
}

/// What the presenter presses for each change.
const KEYS: &str = "<Tab>";

fn args() -> Args {
    let mut a = Args {
        attendees: 200,
        changes: 100,
        period: Duration::from_millis(100),
        sizes: vec![Size::new(80, 24)],
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_default();
        match flag.as_str() {
            "--attendees" => a.attendees = value.parse().unwrap(),
            "--changes" => a.changes = value.parse().unwrap(),
            "--period-ms" => a.period = Duration::from_millis(value.parse().unwrap()),
            "--size" | "--sizes" => {
                a.sizes = value
                    .split(',')
                    .map(|s| briefing::serve::options::parse_size(s).unwrap())
                    .collect();
            }
            other => panic!("unknown flag {other}"),
        }
    }
    a
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--server") {
        server();
        return;
    }
    let args = args();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(drive(args));
}

/// The server role: headless, open, on an ephemeral loopback port; prints the address.
fn server() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .thread_name("briefing-serve")
        .enable_all()
        .build()
        .unwrap();
    let mut presenter = State::new(
        briefing::model::bundled().unwrap(),
        Lang::Fr,
        Size::new(100, 30),
    );
    presenter.session = Session::Presenter { watchers: 0 };
    let config = Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        host_key: PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).unwrap(),
        access: Access::Open,
        limits: Limits {
            max_sessions: 5000,
            max_per_address: 5000,
            // 200 attendees from one address join at once, more than the default allows.
            connect_rate: 0,
            ..Limits::default()
        },
        theme: Theme::new(false),
        log: None,
        presenter_keys: None,
    };
    let handle = runtime
        .block_on(briefing::serve::start(config, presenter.clone()))
        .unwrap();
    println!("listening {}", handle.local_addr());
    std::io::stdout().flush().unwrap();
    briefing::serve::run_headless(
        &handle,
        presenter,
        BufReader::new(std::io::stdin()),
        &mut (),
    )
    .unwrap();
    let stats = handle.stats();
    eprintln!(
        "server: frames {} bytes {} stalled {} dropped input {}",
        stats.frames.load(Ordering::Relaxed),
        stats.bytes.load(Ordering::Relaxed),
        stats.stalled.load(Ordering::Relaxed),
        stats.dropped_input.load(Ordering::Relaxed)
    );
}

struct Trust;

impl client::Handler for Trust {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// What one attendee saw: when its status line first named each pane, and the bytes it got.
struct Seen {
    panes: Vec<(Instant, usize)>,
    bytes: usize,
    /// Bytes of the first frame, sent on joining.
    first: usize,
}

/// What the status line says for each pane (" Citations "), looked for once per data packet.
static PANE_NAMES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    Lang::Fr
        .labels()
        .panes
        .iter()
        .map(|name| format!(" {name} "))
        .collect()
});

/// The pane the status line (the last row) names, if any. Only that row is read: the clients
/// share the cores with the server, and their own work counts in the latencies.
fn status_pane(screen: &vt100::Screen) -> Option<usize> {
    let (rows, cols) = screen.size();
    let last = rows.get() - 1;
    let mut status = String::with_capacity(usize::from(cols.get()));
    for col in 0..cols.get() {
        match screen.cell(last, col).map(vt100::Cell::contents) {
            Some("") | None => status.push(' '),
            Some(text) => status.push_str(text),
        }
    }
    PANE_NAMES.iter().position(|name| status.contains(name))
}

/// One attendee: joins, then watches its status line until told to stop.
async fn attendee(
    port: u16,
    size: Size,
    joined: Arc<AtomicUsize>,
    joining: Arc<tokio::sync::Semaphore>,
    mut stop: watch::Receiver<bool>,
) -> Seen {
    // A few key exchanges at a time, as a room arrives: thousands at once on 2 cores would
    // outlast the server's 20 s to authenticate.
    let mut permit = Some(joining.acquire_owned().await.unwrap());
    let config = Arc::new(client::Config::default());
    let mut handle = client::connect(config, ("127.0.0.1", port), Trust)
        .await
        .unwrap();
    assert!(handle.authenticate_none("bench").await.unwrap().success());
    let mut ch = handle.channel_open_session().await.unwrap();
    ch.request_pty(
        false,
        "xterm",
        size.width.into(),
        size.height.into(),
        0,
        0,
        &[],
    )
    .await
    .unwrap();
    ch.request_shell(false).await.unwrap();
    let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
    let mut screen = vt100::Parser::new(nz(size.height), nz(size.width), 0);
    let mut seen = Seen {
        panes: Vec::with_capacity(1024),
        bytes: 0,
        first: 0,
    };
    let mut last = None;
    let status_row = format!("\x1b[{};", size.height).into_bytes();
    loop {
        tokio::select! {
            _ = stop.wait_for(|s| *s) => break,
            msg = ch.wait() => match msg {
                Some(ChannelMsg::Data { data }) => {
                    seen.bytes += data.len();
                    screen.process(&data);
                    // Only a packet that moves to the status line (the last row) changes it.
                    if last.is_some() && !data.windows(status_row.len()).any(|w| w == status_row) {
                        continue;
                    }
                    let pane = status_pane(screen.screen());
                    if pane.is_some() && pane != last {
                        if last.is_none() {
                            seen.first = seen.bytes;
                            joined.fetch_add(1, Ordering::Relaxed);
                            drop(permit.take());
                        }
                        last = pane;
                        seen.panes.push((Instant::now(), pane.unwrap_or(0)));
                    }
                }
                Some(_) => {}
                None => break,
            }
        }
    }
    let _ = ch.data_bytes(b"q".to_vec()).await;
    seen
}

/// The machine's load averages, as `uptime` shows them.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn vm_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// User + system CPU time of `pid`, in seconds.
fn cpu_secs(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = [11, 12]
        .iter()
        .filter_map(|i| fields.get(*i)?.parse::<u64>().ok())
        .sum();
    ticks as f64 / 100.0
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

async fn drive(args: Args) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .arg("--server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut keys_in = child.stdin.take().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let addr: std::net::SocketAddr = line
        .trim()
        .strip_prefix("listening ")
        .unwrap()
        .parse()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let rss_before = vm_rss_kib(pid);

    let joined = Arc::new(AtomicUsize::new(0));
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut tasks = tokio::task::JoinSet::new();
    let start_join = Instant::now();
    let load_before = load_average();
    let joining = Arc::new(tokio::sync::Semaphore::new(32));
    for i in 0..args.attendees {
        tasks.spawn(attendee(
            addr.port(),
            args.sizes[i % args.sizes.len()],
            Arc::clone(&joined),
            Arc::clone(&joining),
            stop_rx.clone(),
        ));
    }
    while joined.load(Ordering::Relaxed) < args.attendees {
        assert!(
            start_join.elapsed() < Duration::from_secs(600),
            "attendees did not join"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let join_time = start_join.elapsed();
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let rss_after = vm_rss_kib(pid);
    let cpu_before = cpu_secs(pid);
    let own_cpu_before = cpu_secs(std::process::id());

    let mut sent = Vec::with_capacity(args.changes);
    let t0 = Instant::now();
    for k in 0..args.changes {
        let at = t0 + args.period * u32::try_from(k).unwrap();
        tokio::time::sleep_until(at.into()).await;
        sent.push(Instant::now());
        writeln!(keys_in, "{KEYS}").unwrap();
        keys_in.flush().unwrap();
    }
    tokio::time::sleep(args.period.max(Duration::from_millis(1000))).await;
    let cpu_after = cpu_secs(pid);
    let own_cpu = cpu_secs(std::process::id()) - own_cpu_before;
    let _ = stop_tx.send(true);
    let mut all = Vec::new();
    while let Some(r) = tasks.join_next().await {
        all.push(r.unwrap());
    }
    drop(keys_in);
    let _ = child.kill();
    let _ = child.wait();

    // The presenter starts on pane 0; change k moves it to pane (k + 1) % 4.
    let mut latencies = Vec::new();
    let mut coalesced = 0usize;
    let mut bytes = 0usize;
    let stop_time = Instant::now();
    for seen in &all {
        bytes += seen.bytes - seen.first;
        for (k, &t) in sent.iter().enumerate() {
            let pane = (k + 1) % 4;
            // Change k + 4 shows the same pane again: anything after it is its frame.
            let horizon = sent.get(k + 4).copied().unwrap_or(stop_time);
            let frame = seen
                .panes
                .iter()
                .find(|(at, p)| *at >= t && *p == pane && *at < horizon);
            match frame {
                Some((at, _)) => latencies.push(*at - t),
                None => coalesced += 1,
            }
        }
    }
    latencies.sort_unstable();
    report(
        &args,
        &Measured {
            latencies,
            coalesced,
            bytes,
            join_time,
            load_before,
            rss: (rss_before, rss_after),
            cpu: cpu_after - cpu_before,
            own_cpu,
        },
    );
}

/// What a run measured.
struct Measured {
    latencies: Vec<Duration>,
    coalesced: usize,
    bytes: usize,
    join_time: Duration,
    load_before: String,
    /// The server's VmRSS in KiB before and after the attendees joined.
    rss: (u64, u64),
    /// The server's CPU seconds during the changes.
    cpu: f64,
    /// This process's (the clients') CPU seconds meanwhile.
    own_cpu: f64,
}

fn report(args: &Args, m: &Measured) {
    let Measured {
        latencies,
        coalesced,
        bytes,
        join_time,
        load_before,
        rss: (rss_before, rss_after),
        cpu,
        own_cpu,
    } = m;
    let (bytes, coalesced, cpu, own_cpu) = (*bytes, *coalesced, *cpu, *own_cpu);
    let n = args.attendees;
    let changes = args.changes;
    let sizes: Vec<String> = args
        .sizes
        .iter()
        .map(|s| format!("{}x{}", s.width, s.height))
        .collect();
    println!(
        "attendees {n} at {}, {changes} changes ('{KEYS}') every {:?}",
        sizes.join(","),
        args.period
    );
    println!(
        "load average (1, 5, 15 min): {load_before} before joining, {} at the end",
        load_average()
    );
    println!("joined in {join_time:.2?}");
    println!(
        "key -> frame latency: p50 {:.2?}  p99 {:.2?}  max {:.2?}  ({} frames, {coalesced} coalesced)",
        percentile(latencies, 0.50),
        percentile(latencies, 0.99),
        latencies.last().copied().unwrap_or_default(),
        latencies.len()
    );
    println!(
        "server memory: {rss_before} KiB before, {rss_after} KiB with {n} attendees: {:.0} KiB per attendee",
        (rss_after.saturating_sub(*rss_before)) as f64 / n as f64
    );
    println!(
        "bytes per change: {:.0} to each attendee, {:.0} in all",
        bytes as f64 / (n * changes) as f64,
        bytes as f64 / changes as f64
    );
    println!(
        "server CPU during the changes: {:.2} s for {changes} changes ({:.1} ms per change)",
        cpu,
        cpu * 1000.0 / changes as f64
    );
    println!(
        "(the {n} clients, on the same 2 cores, used {own_cpu:.2} s of CPU meanwhile: {:.1} ms per change)",
        own_cpu * 1000.0 / changes as f64
    );
}
