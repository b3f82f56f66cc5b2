//! Ankang's industrial-workforce reform (article of 2025-04-28) as an
//! embeddable infographic. Layers, from data to pixels:
//! `data` (the article's figures, checked) → `view` (what the reader chose)
//! → `layout` + `charts` (pure geometry) → `scene` (drawn on any plotters
//! backend) → `web` (the only layer that touches the browser).

pub mod anim;
pub mod app;
pub mod charts;
pub mod data;
pub mod deeplink;
pub mod fallback;
pub mod format;
pub mod geo;
pub mod layout;
pub mod map;
pub mod number;
pub mod scene;
pub mod table;
pub mod text;
pub mod theme;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;
