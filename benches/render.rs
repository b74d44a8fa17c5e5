//! Frame cost: one frame at 200×60 and 80×24 for the bundled briefing and for one 1000 times
//! larger, warm (the steady state while reading) and cold (first frame after loading).
//! Run with `cargo bench --bench render`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use briefing::app::{Key, Size, State, press, update};
use briefing::model::Lang;
use briefing::model::{self, Briefing};
use briefing::ui::{Theme, render};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

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

criterion_group!(render_benches, benches);
criterion_main!(render_benches);
