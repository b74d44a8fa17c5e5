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
            terminal[(x, y)] = cell.clone();
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
