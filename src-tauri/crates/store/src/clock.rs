//! Time comes in through a [`Clock`] so that tests can fix it.

use chrono::{DateTime, FixedOffset, NaiveDate};
use std::sync::atomic::{AtomicI64, Ordering};

/// Offices keep Beijing time; dates are local dates in UTC+8.
const BEIJING_OFFSET_SECS: i32 = 8 * 3600;

pub trait Clock: Send + Sync {
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> i64;

    /// Today's date in Beijing time.
    fn today(&self) -> NaiveDate {
        let offset = FixedOffset::east_opt(BEIJING_OFFSET_SECS).expect("valid offset");
        DateTime::from_timestamp_millis(self.now_ms())
            .expect("in range")
            .with_timezone(&offset)
            .date_naive()
    }
}

/// The real wall clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        chrono::Utc::now().timestamp_millis()
    }
}

/// A clock that only moves when told to (tests, demo data).
pub struct FixedClock(AtomicI64);

impl FixedClock {
    pub fn at(ms: i64) -> FixedClock {
        FixedClock(AtomicI64::new(ms))
    }

    pub fn advance(&self, ms: i64) {
        self.0.fetch_add(ms, Ordering::SeqCst);
    }
}

impl Clock for FixedClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}
