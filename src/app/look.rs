//! What the map looks like at one moment: each county's fill and hatch, and
//! the county bars. The metric tween moves between two of these.

use super::timeline::Lerp;
use crate::map::bars::CountyBars;
use crate::map::colour::mix;
use crate::map::layout::Fills;

#[derive(Clone, Debug, PartialEq)]
pub struct MapLook {
    pub fills: Fills,
    pub bars: CountyBars,
}

impl Lerp for MapLook {
    fn lerp(&self, to: &Self, t: f64) -> Self {
        let fills = self
            .fills
            .iter()
            .zip(&to.fills)
            .map(|(a, b)| (mix(a.0, b.0, t), if t < 0.5 { a.1 } else { b.1 }))
            .collect();
        MapLook { fills, bars: to.bars.blend(&self.bars, t) }
    }
}
