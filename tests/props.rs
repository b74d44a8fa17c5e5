//! Property tests: random keys, mouse events and resizes (0×0 to 300×100) never panic, every
//! scroll offset, selection and focus stays in bounds after every step, and a terminal fed
//! only the cells the painter says changed shows what a whole render shows.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use briefing::app::keymap::{TABLE, resolve};
use briefing::app::{Action, Key, Size, State, parse_keys, update};
use briefing::model;
use briefing::model::Lang;
use briefing::ui::{Painter, Theme, render};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

#[derive(Debug, Clone)]
enum Step {
    Key(Key),
    Resize(u16, u16),
    Click(u16, u16),
    Wheel(u16, u16, bool),
}

fn bound_keys() -> Vec<Key> {
    TABLE
        .iter()
        .flat_map(|b| b.keys.iter())
        .flat_map(|k| parse_keys(k).unwrap())
        .collect()
}

fn side(max: u16) -> impl Strategy<Value = u16> {
    prop_oneof![3 => 0u16..=2, 2 => 3u16..=30, 1 => 0..=max]
}

fn step() -> impl Strategy<Value = Step> {
    let keys = bound_keys();
    prop_oneof![
        8 => proptest::sample::select(keys).prop_map(Step::Key),
        2 => any::<char>().prop_map(|c| Step::Key(Key::Char(c))),
        2 => (side(300), side(100)).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => (0u16..310, 0u16..110).prop_map(|(x, y)| Step::Click(x, y)),
        1 => (0u16..310, 0u16..110, any::<bool>()).prop_map(|(x, y, d)| Step::Wheel(x, y, d)),
    ]
}

fn run(steps: Vec<Step>, lang: Lang) -> Result<(), TestCaseError> {
    let mut state = State::new(model::bundled().unwrap(), lang, Size::new(80, 24));
    let theme = Theme::default();
    let mut painter = Painter::new(theme, state.size);
    let mut terminal = Buffer::empty(Rect::new(0, 0, state.size.width, state.size.height));
    for step in steps {
        let action = match step {
            Step::Key(k) => resolve(state.mode, k),
            Step::Resize(w, h) => Some(Action::Resize(Size::new(w, h))),
            Step::Click(x, y) => Some(Action::Click { x, y }),
            Step::Wheel(x, y, down) => Some(Action::Wheel { x, y, down }),
        };
        if let Some(a) = action {
            update(&mut state, a);
        }
        if let Err(e) = state.check_invariants() {
            return Err(TestCaseError::fail(format!("{e} after {step:?}")));
        }
        let mut buf = Buffer::empty(Rect::new(0, 0, state.size.width, state.size.height));
        render(&state, &theme, &mut buf);
        if terminal.area != buf.area {
            // As the terminal edge does on a resize: clear the screen, forget what it showed.
            terminal = Buffer::empty(buf.area);
            painter.reset(state.size);
        }
        for (x, y, cell) in painter.paint(&state) {
            terminal[(x, y)] = cell.to_cell();
        }
        // A terminal shows nothing of the cells a wide character covers, and the painter, as
        // ratatui, writes none: take them as what the frame has there.
        let mut covered = 0;
        for (shown, cell) in terminal.content.iter_mut().zip(&buf.content) {
            if covered > 0 {
                *shown = cell.clone();
                covered -= 1;
            } else {
                covered = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            }
        }
        prop_assert_eq!(&terminal, &buf, "painted frame differs after {:?}", step);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_keys_and_resizes_never_break_invariants(
        steps in proptest::collection::vec(step(), 1..60),
        french in any::<bool>(),
    ) {
        run(steps, if french { Lang::Fr } else { Lang::En })?;
    }
}

/// The bundled briefing with another title and date.
fn titled(title: &str, date: briefing::model::Date) -> briefing::model::Briefing {
    let mut b = model::bundled().unwrap();
    b.title = title.to_string();
    b.date = Some(date);
    b
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever the title's length and the terminal's size, from 20 rows (where the header
    /// has room for it) the header shows the date line: right under the title, above the
    /// parties.
    #[test]
    fn the_header_always_shows_the_date_when_there_is_room(
        words in proptest::collection::vec("[a-zA-Zéè]{1,12}", 1..40),
        (year, month, day) in (1900i16..2100, 1i8..=12, 1i8..=28),
        w in 20u16..=250,
        h in 20u16..=80,
        french in any::<bool>(),
        keys in prop_oneof![Just(""), Just("2"), Just("4<Enter>G"), Just("/a"), Just("3<C-d>")],
    ) {
        let date = briefing::model::Date::new(year, month, day).unwrap();
        let lang = if french { Lang::Fr } else { Lang::En };
        let shot = briefing::ui::snapshot(
            titled(&words.join(" "), date),
            lang,
            Size::new(w, h),
            keys,
            &Theme::default(),
        )
        .unwrap();
        let text = shot.text();
        let rows: Vec<&str> = text.lines().collect();
        let shown = briefing::app::labels::format_date(date, lang);
        let title_rows = shot.state.content.title_lines(w - 2).len().min(2);
        prop_assert!(
            rows[title_rows].starts_with(&format!(" {shown}")),
            "row {title_rows} should start with the date {shown:?}:\n{text}"
        );
    }
}
