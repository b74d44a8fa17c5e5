//! Frame cost: one frame at 200×60 and 80×24 for the bundled briefing and for one 1000 times
//! larger, warm (the steady state while reading) and cold (first frame after loading); and the
//! cost of one key as the terminal loop pays it (update, repaint of what changed, escape
//! sequences for the changed cells) for scrolling, switching panes, stepping through search
//! matches and changing slides, at 80×24 and 200×60.
//! Run with `cargo bench --bench render`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use briefing::app::{Key, Size, State, press, update};
use briefing::model::Lang;
use briefing::model::{self, Briefing};
use briefing::ui::hyperlinks::hyperlinks;
use briefing::ui::{Painter, Theme, render};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::time::Duration;

fn big() -> Briefing {
    let one = model::bundled().unwrap();
    let mut b = one.clone();
    for _ in 1..1000 {
        b.summary.extend(one.summary.iter().cloned());
        b.quotes.extend(one.quotes.iter().cloned());
        b.cooperation_areas
            .extend(one.cooperation_areas.iter().cloned());
        b.threats.extend(one.threats.iter().cloned());
    }
    b
}

fn frame(c: &mut Criterion, name: &str, briefing: &Briefing, size: Size) {
    let theme = Theme::default();
    let mut state = State::new(briefing.clone(), Lang::Fr, size);
    // Somewhere in the middle, with a search active, as a reader would be.
    for k in std::env::var("BENCH_KEYS")
        .unwrap_or("2]]]j/INTERPOL\r".into())
        .chars()
    {
        let key = if k == '\r' { Key::Enter } else { Key::Char(k) };
        press(&mut state, key);
    }
    let mut buf = Buffer::empty(Rect::new(0, 0, size.width, size.height));
    render(&state, &theme, &mut buf);
    c.bench_function(name, |b| {
        b.iter(|| {
            buf.reset();
            render(black_box(&state), &theme, &mut buf);
        })
    });
}

/// One key as the terminal loop pays for it: `keys` are set-up keys (keymap notation), then
/// each iteration presses the next of `steps` (two keys that undo each other, so the state
/// keeps moving), repaints what changed and encodes it as escape sequences, with the frame's
/// hyperlinks, as `term` does.
fn key(
    c: &mut Criterion,
    name: &str,
    briefing: &Briefing,
    size: Size,
    keys: &str,
    steps: [Key; 2],
) {
    let theme = Theme::default();
    let mut state = State::new(briefing.clone(), Lang::Fr, size);
    for k in briefing::app::parse_keys(keys).unwrap() {
        press(&mut state, k);
    }
    let mut painter = Painter::new(theme, size);
    let mut out = Vec::with_capacity(1 << 16);
    painter.update(&state);
    painter.write(&mut out, &[]);
    let mut i = 0;
    c.bench_function(name, |b| {
        b.iter(|| {
            press(&mut state, steps[i % 2]);
            i += 1;
            out.clear();
            painter.update(&state);
            painter.write(&mut out, &hyperlinks(&state));
            black_box(out.len());
        })
    });
}

fn keys(c: &mut Criterion) {
    let bundled = model::bundled().unwrap();
    let large = big();
    for (w, h) in [(80, 24), (200, 60)] {
        let size = Size::new(w, h);
        let (down, up) = (Key::Char('j'), Key::Char('k'));
        // The bundled quotes fit at 200x60: scroll the large briefing there, as a long release.
        key(
            c,
            &format!("key scroll {w}x{h} 1000x"),
            &large,
            size,
            "2jj",
            [down, up],
        );
        key(
            c,
            &format!("key scroll {w}x{h} bundled"),
            &bundled,
            size,
            "2<C-d>j",
            [up, down],
        );
        let (next, prev) = (Key::Char('l'), Key::Char('h'));
        key(
            c,
            &format!("key pane switch {w}x{h} bundled"),
            &bundled,
            size,
            "",
            [next, prev],
        );
        key(
            c,
            &format!("key pane switch {w}x{h} 1000x"),
            &large,
            size,
            "",
            [next, prev],
        );
        let (n, shift_n) = (Key::Char('n'), Key::Char('N'));
        let search = "/INTERPOL<Enter>n";
        key(
            c,
            &format!("key search step {w}x{h} bundled"),
            &bundled,
            size,
            search,
            [n, shift_n],
        );
        key(
            c,
            &format!("key slide change {w}x{h} bundled"),
            &bundled,
            size,
            "pl",
            [next, prev],
        );
    }
}

fn benches(c: &mut Criterion) {
    let bundled = model::bundled().unwrap();
    let large = big();
    frame(c, "frame 200x60 bundled", &bundled, Size::new(200, 60));
    frame(c, "frame 200x60 1000x", &large, Size::new(200, 60));
    frame(c, "frame 80x24 bundled", &bundled, Size::new(80, 24));
    frame(c, "frame 80x24 1000x", &large, Size::new(80, 24));

    let theme = Theme::default();
    c.bench_function("key j + frame 200x60 1000x", |b| {
        let mut state = State::new(large.clone(), Lang::Fr, Size::new(200, 60));
        let mut buf = Buffer::empty(Rect::new(0, 0, 200, 60));
        b.iter(|| {
            update(&mut state, briefing::app::Action::ScrollDown);
            render(&state, &theme, &mut buf);
        })
    });
    c.bench_function("load + first frame 100x30 bundled", |b| {
        b.iter(|| {
            let briefing = model::bundled().unwrap();
            let state = State::new(briefing, Lang::Fr, Size::new(100, 30));
            let mut buf = Buffer::empty(Rect::new(0, 0, 100, 30));
            render(&state, &theme, &mut buf);
            black_box(buf);
        })
    });
    c.bench_function("first frame 200x60 1000x (cold cache)", |b| {
        b.iter(|| {
            let state = State::new(large.clone(), Lang::Fr, Size::new(200, 60));
            let mut buf = Buffer::empty(Rect::new(0, 0, 200, 60));
            render(&state, &theme, &mut buf);
            black_box(buf);
        })
    });
}

fn config() -> Criterion {
    // Sized for a shared 2-core machine: short runs, enough samples to see a 10% change.
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = render_benches;
    config = config();
    targets = keys, benches
}
criterion_main!(render_benches);
