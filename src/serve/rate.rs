//! New connections per address over time: a token bucket for each address, so one machine
//! cannot make the server spend its CPU on key exchanges by reconnecting in a loop. Pure: the
//! caller passes the time in.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// Most addresses remembered at once. Past it, addresses whose buckets are full again are
/// forgotten; a flood from more addresses than this still meets the global session limit.
const MAX_TRACKED: usize = 4096;

/// How many new connections each address may open: `per_minute` on average, and as many at
/// once (a room behind one NAT address joins together).
#[derive(Debug)]
pub struct ConnectRate {
    per_minute: u32,
    buckets: HashMap<IpAddr, Bucket>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl ConnectRate {
    /// A limit of `per_minute` new connections per address; 0 means no limit.
    pub fn new(per_minute: u32) -> ConnectRate {
        ConnectRate {
            per_minute,
            buckets: HashMap::new(),
        }
    }

    /// Whether `ip` may open a new connection at `now`; counts it when it may.
    pub fn allow(&mut self, ip: IpAddr, now: Instant) -> bool {
        if self.per_minute == 0 {
            return true;
        }
        let full = f64::from(self.per_minute);
        let rate = full / 60.0;
        if self.buckets.len() >= MAX_TRACKED && !self.buckets.contains_key(&ip) {
            let refill = Duration::from_secs(60);
            self.buckets
                .retain(|_, b| now.saturating_duration_since(b.at) < refill);
            if self.buckets.len() >= MAX_TRACKED {
                return true;
            }
        }
        let bucket = self.buckets.entry(ip).or_insert(Bucket {
            tokens: full,
            at: now,
        });
        let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(full);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Addresses remembered, for tests.
    #[cfg(test)]
    fn tracked(&self) -> usize {
        self.buckets.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    fn ip(n: u32) -> IpAddr {
        IpAddr::V4(Ipv4Addr::from(n))
    }

    #[test]
    fn an_address_gets_its_burst_then_one_per_interval() {
        let start = Instant::now();
        let mut rate = ConnectRate::new(6);
        assert!((0..6).all(|_| rate.allow(ip(1), start)));
        assert!(!rate.allow(ip(1), start), "the seventh at once is refused");
        assert!(rate.allow(ip(2), start), "other addresses are not affected");
        assert!(!rate.allow(ip(1), start + Duration::from_secs(9)));
        assert!(
            rate.allow(ip(1), start + Duration::from_secs(10)),
            "6/min: one per 10 s"
        );
        assert!(!rate.allow(ip(1), start + Duration::from_secs(11)));
        let later = start + Duration::from_secs(3600);
        assert!(
            (0..6).all(|_| rate.allow(ip(1), later)),
            "the bucket refills to the burst only"
        );
        assert!(!rate.allow(ip(1), later));
    }

    #[test]
    fn zero_means_no_limit() {
        let now = Instant::now();
        let mut rate = ConnectRate::new(0);
        assert!((0..10_000).all(|_| rate.allow(ip(1), now)));
        assert_eq!(rate.tracked(), 0);
    }

    #[test]
    fn memory_stays_bounded_under_a_flood_of_addresses() {
        let start = Instant::now();
        let mut rate = ConnectRate::new(60);
        for n in 0..20_000 {
            assert!(rate.allow(ip(n), start));
            assert!(rate.tracked() <= MAX_TRACKED);
        }
        // A minute on, the old buckets are full again and are forgotten for new addresses.
        let later = start + Duration::from_secs(61);
        assert!(rate.allow(ip(99_999), later));
        assert_eq!(rate.tracked(), 1);
    }
}
