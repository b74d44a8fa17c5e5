//! The presenter's elapsed-time counter, on the clock the edge passes in.

/// An elapsed-time counter driven by the clock the edge passes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Timer {
    /// Time counted before the current run, in milliseconds.
    pub banked_ms: u64,
    /// When the current run started, on the edge's clock; `None` when paused.
    pub since_ms: Option<u64>,
    /// False until first started; the timer is only shown once started.
    pub started: bool,
}

impl Timer {
    /// Elapsed milliseconds at `now_ms`.
    pub fn elapsed(&self, now_ms: u64) -> u64 {
        self.banked_ms + self.since_ms.map_or(0, |s| now_ms.saturating_sub(s))
    }

    /// Starts or pauses at `now_ms`.
    pub fn toggle(&mut self, now_ms: u64) {
        match self.since_ms {
            Some(_) => {
                self.banked_ms = self.elapsed(now_ms);
                self.since_ms = None;
            }
            None => {
                self.since_ms = Some(now_ms);
                self.started = true;
            }
        }
    }

    /// True while counting.
    pub fn is_running(&self) -> bool {
        self.since_ms.is_some()
    }
}

/// `mm:ss`, or `h:mm:ss` past an hour.
pub fn format_elapsed(ms: u64) -> String {
    let s = ms / 1000;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}
