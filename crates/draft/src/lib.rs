//! The editor's pure model (`editor.html`): what a journalist is writing,
//! before it is a results file. A [`draft::Draft`] keeps every field as the
//! user typed it (so a bad value stays visible and gets its error at its
//! place); [`number`] reads figures written the Vietnamese or the English
//! way; [`table`] recognises a table pasted from a spreadsheet and maps it
//! onto the draft; [`write`] turns the draft into the results file (and
//! back); [`codes`] writes the embed codes; [`prose`] reads report text (its
//! figures, what it leaves out and why, its questions) into a draft;
//! [`paste`] says whether a paste is a table or a text; [`say`] names a
//! file's problems by the labels the user gave; [`words`] has every word
//! the editor says, in vi and en. No
//! browser crate: all of it is tested natively.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod choice;
pub mod codes;
pub mod draft;
pub mod number;
pub mod paste;
pub mod prose;
pub mod say;
pub mod table;
pub mod words;
pub mod write;
