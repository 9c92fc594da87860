//! Hybrid logical clock for `updated_at` on every travelling row.
//!
//! A timestamp is the wall clock in milliseconds plus a counter that breaks
//! ties and keeps the clock monotonic when the wall clock stalls or steps
//! back. Encoded as fixed-width text so that string order is time order,
//! with the device id last so two devices never produce equal stamps.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hlc {
    pub wall_ms: i64,
    pub counter: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("时间戳格式无效: {0}")]
pub struct HlcParseError(pub String);

/// The counter is written with five digits; past this the clock moves on
/// by a millisecond instead, so that stamps stay fixed-width and their text
/// order stays time order (a 100,000-row import stamps that many rows in
/// one transaction, within one wall-clock reading).
pub const MAX_COUNTER: u32 = 99_999;

impl Hlc {
    /// The next local stamp after `last`, given the wall clock `now_ms`.
    pub fn tick(last: Option<Hlc>, now_ms: i64) -> Hlc {
        match last {
            Some(l) if l.wall_ms >= now_ms && l.counter >= MAX_COUNTER => Hlc {
                wall_ms: l.wall_ms + 1,
                counter: 0,
            },
            Some(l) if l.wall_ms >= now_ms => Hlc {
                wall_ms: l.wall_ms,
                counter: l.counter + 1,
            },
            _ => Hlc {
                wall_ms: now_ms,
                counter: 0,
            },
        }
    }

    /// Merge a stamp received from another device (used by sync).
    pub fn receive(last: Option<Hlc>, remote: Hlc, now_ms: i64) -> Hlc {
        let local = last.unwrap_or(Hlc {
            wall_ms: i64::MIN,
            counter: 0,
        });
        let wall = now_ms.max(local.wall_ms).max(remote.wall_ms);
        let counter = if wall == local.wall_ms && wall == remote.wall_ms {
            local.counter.max(remote.counter) + 1
        } else if wall == local.wall_ms {
            local.counter + 1
        } else if wall == remote.wall_ms {
            remote.counter + 1
        } else {
            0
        };
        Hlc {
            wall_ms: wall,
            counter,
        }
    }

    /// `000001763900000000-00000-<device>`: sortable as text.
    pub fn stamp(&self, device_id: &str) -> String {
        format!("{self}-{device_id}")
    }

    /// Parse the clock part of a stamp made by [`Hlc::stamp`].
    pub fn parse(stamp: &str) -> Result<Hlc, HlcParseError> {
        let err = || HlcParseError(stamp.to_string());
        let mut parts = stamp.splitn(3, '-');
        let wall_ms = parts.next().and_then(|p| p.parse().ok()).ok_or_else(err)?;
        let counter = parts.next().and_then(|p| p.parse().ok()).ok_or_else(err)?;
        Ok(Hlc { wall_ms, counter })
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:018}-{:05}", self.wall_ms, self.counter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_monotonic_when_the_wall_clock_steps_back() {
        let a = Hlc::tick(None, 1_000);
        let b = Hlc::tick(Some(a), 900);
        let c = Hlc::tick(Some(b), 2_000);
        assert!(a < b && b < c);
        assert_eq!(
            b,
            Hlc {
                wall_ms: 1_000,
                counter: 1
            }
        );
        assert!(a.stamp("d") < b.stamp("d") && b.stamp("d") < c.stamp("d"));
    }

    #[test]
    fn the_counter_never_outgrows_its_five_digits() {
        let mut h = Hlc::tick(None, 1_000);
        let mut prev = h.stamp("d");
        for _ in 0..150_000 {
            h = Hlc::tick(Some(h), 1_000);
            let s = h.stamp("d");
            assert!(s > prev && s.len() == prev.len(), "{prev} then {s}");
            prev = s;
        }
        assert_eq!(h.wall_ms, 1_001);
    }

    #[test]
    fn receive_moves_past_the_remote_stamp() {
        let local = Hlc::tick(None, 1_000);
        let remote = Hlc {
            wall_ms: 5_000,
            counter: 3,
        };
        let merged = Hlc::receive(Some(local), remote, 2_000);
        assert!(merged > remote);
    }

    #[test]
    fn round_trips_through_text() {
        let h = Hlc {
            wall_ms: 1_763_900_000_000,
            counter: 7,
        };
        assert_eq!(Hlc::parse(&h.stamp("0193-abc")).unwrap(), h);
    }
}
