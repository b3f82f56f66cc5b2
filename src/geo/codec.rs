//! The byte format of the county geometry, shared by build.rs (writer) and the
//! runtime (reader). Everything is an unsigned LEB128 varint; signed values are
//! zigzag-mapped first, so small deltas of either sign take one byte.
//!
//! Layout of `geometry.bin` (coordinates are integer cells of the grid in
//! `geometry.rs`, so shared arc endpoints decode to bit-identical floats):
//! ```text
//! arc_count
//!   per arc:    point_count, x0, y0, then (zigzag dx, zigzag dy) × (point_count − 1)
//! county_count
//!   per county: adcode, label_x, label_y, part_count
//!     per part: ref_count, then refs (2 × arc index + 1 if walked backwards)
//! ```
//! Arc sides are not stored: a county that walks an arc forwards has it on its
//! left (rings are counter-clockwise), so the references already say who borders whom.

/// Appends values to a blob (build time).
#[allow(dead_code)] // the writer half runs only in build.rs, the reader only at run time
#[derive(Default)]
pub struct Writer(pub Vec<u8>);

#[allow(dead_code)]
impl Writer {
    pub fn uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }

    pub fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }
}

/// Reads values back in the order they were written; panics on a truncated
/// blob, which can only mean build.rs and this file disagree.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    pub fn uint(&mut self) -> u64 {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let b = self.bytes[self.pos];
            self.pos += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return v;
            }
            shift += 7;
        }
    }

    pub fn int(&mut self) -> i64 {
        let u = self.uint();
        (u >> 1) as i64 ^ -((u & 1) as i64)
    }

    pub fn usize(&mut self) -> usize {
        self.uint() as usize
    }

    pub fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }
}
