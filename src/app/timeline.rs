//! One store for every animation on the page: chart entries and the map's
//! metric tween. Time is always passed in, so pausing, reduced motion and
//! interrupting are data, not special paths; a tween retargeted mid-way
//! starts from the value on screen.

/// Anything a tween can move between: numbers, colours, whole chart states.
pub trait Lerp: Clone {
    /// The value `t` of the way from `self` to `to` (t in [0, 1]).
    fn lerp(&self, to: &Self, t: f64) -> Self;
}

impl Lerp for f64 {
    fn lerp(&self, to: &Self, t: f64) -> Self {
        crate::anim::lerp(*self, *to, t)
    }
}

/// A move from `from` to `to` over `duration_ms`, eased. Its clock starts at
/// the first frame that asks for it (`start` is None until then), so a tween
/// begun while nothing is drawn does not lose its first frames.
#[derive(Clone, Debug)]
pub struct Tween<T> {
    pub from: T,
    pub to: T,
    start: Option<f64>,
    duration_ms: f64,
    ease: fn(f64) -> f64,
}

impl<T: Lerp> Tween<T> {
    pub fn new(from: T, to: T, duration_ms: f64, ease: fn(f64) -> f64) -> Self {
        Tween { from, to, start: None, duration_ms: duration_ms.max(0.0), ease }
    }

    /// Progress in [0, 1] at `now`, before easing; starts the clock.
    pub fn progress(&mut self, now: f64) -> f64 {
        let start = *self.start.get_or_insert(now);
        if self.duration_ms <= 0.0 {
            return 1.0;
        }
        ((now - start) / self.duration_ms).clamp(0.0, 1.0)
    }

    /// Milliseconds since the tween started, capped at its duration.
    pub fn elapsed(&mut self, now: f64) -> f64 {
        self.progress(now) * self.duration_ms
    }

    /// The value on screen at `now`: exactly `from` at the start and `to`
    /// at the end, whatever the floating-point error in between.
    pub fn value(&mut self, now: f64) -> T {
        let t = (self.ease)(self.progress(now));
        if t <= 0.0 {
            self.from.clone()
        } else if t >= 1.0 {
            self.to.clone()
        } else {
            self.from.lerp(&self.to, t)
        }
    }

    /// The eased progress at `now` (for drawing code that blends itself).
    pub fn eased(&mut self, now: f64) -> f64 {
        (self.ease)(self.progress(now))
    }

    pub fn done(&self, now: f64) -> bool {
        self.start.is_some_and(|s| now - s >= self.duration_ms)
    }

    /// Moves the clock on by `ms`: the time the tab was hidden, so the tween
    /// resumes where it paused.
    pub fn delay(&mut self, ms: f64) {
        if let Some(start) = &mut self.start {
            *start += ms;
        }
    }

    /// A new target from wherever the tween is now: no jump on screen.
    pub fn retarget(&mut self, to: T, now: f64) {
        let here = self.value(now);
        *self = Tween::new(here, to, self.duration_ms, self.ease);
    }
}

/// How a chart's entry stands.
#[derive(Clone, Debug)]
pub enum Entry {
    /// Not yet seen: not drawn.
    Waiting,
    /// Running: the tween's value is the milliseconds since it began.
    Running(Tween<f64>),
    Done,
}

impl Entry {
    pub fn is_done(&self) -> bool {
        matches!(self, Entry::Done)
    }

    /// Milliseconds into the entry at `now` (∞ once done), or None if waiting.
    pub fn elapsed(&mut self, now: f64) -> Option<f64> {
        match self {
            Entry::Waiting => None,
            Entry::Running(t) => {
                let ms = t.value(now);
                if t.done(now) {
                    *self = Entry::Done;
                    return Some(f64::INFINITY);
                }
                Some(ms)
            }
            Entry::Done => Some(f64::INFINITY),
        }
    }
}

fn linear(t: f64) -> f64 {
    t
}

/// Every animation of one graphic, in one place.
#[derive(Clone, Debug)]
pub struct Timeline<M> {
    /// One entry per chart, in page order.
    pub entries: Vec<Entry>,
    /// The map's look moving from one metric to the next.
    pub map: Option<Tween<M>>,
}

impl<M: Lerp> Timeline<M> {
    pub fn new(charts: usize) -> Self {
        Timeline { entries: vec![Entry::Waiting; charts], map: None }
    }

    /// Starts chart `i`'s entry of `duration_ms` if it is still waiting.
    pub fn start_entry(&mut self, i: usize, duration_ms: f64) -> bool {
        match self.entries.get_mut(i) {
            Some(entry @ Entry::Waiting) => {
                *entry = Entry::Running(Tween::new(0.0, duration_ms, duration_ms, linear));
                true
            }
            _ => false,
        }
    }

    /// Ends every animation at its target (motion switched off).
    pub fn finish(&mut self) {
        for entry in &mut self.entries {
            *entry = Entry::Done;
        }
        self.map = None;
    }

    /// Pauses for `ms`: every running clock moves on by that much.
    pub fn delay(&mut self, ms: f64) {
        for entry in &mut self.entries {
            if let Entry::Running(t) = entry {
                t.delay(ms);
            }
        }
        if let Some(t) = &mut self.map {
            t.delay(ms);
        }
    }

    /// The map tween's look at `now`, dropping the tween once it has ended.
    pub fn map_look(&mut self, now: f64) -> Option<M> {
        let tween = self.map.as_mut()?;
        let look = tween.value(now);
        if tween.done(now) {
            self.map = None;
        }
        Some(look)
    }

    /// Moves the map to `to`: from `from` when nothing runs, else from what
    /// is on screen now.
    pub fn tween_map(&mut self, from: M, to: M, duration_ms: f64, ease: fn(f64) -> f64, now: f64) {
        match &mut self.map {
            Some(t) => t.retarget(to, now),
            None => self.map = Some(Tween::new(from, to, duration_ms, ease)),
        }
    }

    pub fn running(&self) -> bool {
        self.map.is_some() || self.entries.iter().any(|e| matches!(e, Entry::Running(_)))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn ease(t: f64) -> f64 {
        crate::anim::ease_in_out_cubic(t)
    }

    #[test]
    fn a_tween_hits_both_ends_and_starts_at_its_first_frame() {
        let mut t = Tween::new(10.0, 20.0, 100.0, ease);
        assert_eq!(t.value(1000.0), 10.0, "the clock starts at the first frame asked for");
        assert_eq!(t.value(1050.0), 15.0);
        assert_eq!(t.value(1100.0), 20.0);
        assert_eq!(t.value(5000.0), 20.0);
        assert!(t.done(1100.0) && !Tween::new(0.0, 1.0, 100.0, ease).done(0.0));
    }

    #[test]
    fn an_interrupted_tween_continues_from_what_is_on_screen() {
        let mut t = Tween::new(0.0, 100.0, 100.0, ease);
        t.value(0.0);
        let seen = t.value(40.0);
        t.retarget(-50.0, 40.0);
        assert_eq!(t.value(40.0), seen, "no jump at the moment of retargeting");
        assert_eq!(t.value(140.0), -50.0);
        // Every frame in between stays between the two ends.
        let mut t2 = Tween::new(seen, -50.0, 100.0, ease);
        for ms in (0..=100).step_by(5) {
            let v = t2.value(f64::from(ms));
            assert!((-50.0..=seen).contains(&v), "{v}");
        }
    }

    #[test]
    fn pause_and_resume_keep_the_place() {
        let mut line: Timeline<f64> = Timeline::new(2);
        assert!(line.start_entry(0, 1000.0));
        assert!(!line.start_entry(0, 1000.0), "an entry starts once");
        assert_eq!(line.entries[0].elapsed(0.0), Some(0.0));
        assert_eq!(line.entries[0].elapsed(300.0), Some(300.0));
        // Hidden from 300 to 5300 ms: the entry resumes at 300 ms, not 5300.
        line.delay(5000.0);
        assert_eq!(line.entries[0].elapsed(5300.0), Some(300.0));
        assert_eq!(line.entries[0].elapsed(6000.0), Some(f64::INFINITY));
        assert!(line.entries[0].is_done());
        assert_eq!(line.entries[1].elapsed(6000.0), None, "a chart not yet seen waits");
        assert!(!line.running());
    }

    #[test]
    fn the_map_tween_retargets_from_its_current_look_and_ends() {
        let mut line: Timeline<f64> = Timeline::new(0);
        line.tween_map(0.0, 10.0, 100.0, ease, 0.0);
        assert_eq!(line.map_look(0.0), Some(0.0));
        let mid = line.map_look(50.0).unwrap();
        line.tween_map(999.0, 0.0, 100.0, ease, 50.0);
        assert_eq!(line.map_look(50.0), Some(mid), "from the look on screen, not from `from`");
        assert_eq!(line.map_look(150.0), Some(0.0));
        assert!(line.map.is_none() && !line.running());
        line.tween_map(0.0, 1.0, 100.0, ease, 0.0);
        line.finish();
        assert!(!line.running());
    }
}
