//! What a paste is: a table (what [`table::read`] reads, in the shape of
//! one: tabs, or short cells) or report text (anything else with figures,
//! [`prose::read`]). A paragraph with commas on two lines is CSV to the
//! table reader; its "cells" are pieces of sentences, so it is text.

use crate::prose::{self, Reading};
use crate::table::{self, TableError};

/// What a pasted text was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pasted {
    Table(Vec<Vec<String>>),
    Text(Box<Reading>),
    /// Nothing to read (the box was emptied).
    Nothing,
    /// Neither a table nor a text with figures: why it is no table.
    Unreadable(TableError),
}

/// A cell of more words than this is a piece of a sentence, not a name or a figure.
const MOST_WORDS_IN_A_CELL: usize = 12;

/// Whether cells the table reader made look like a table's: the text had
/// tabs, or no cell holds a sentence's end or more words than a name has.
fn tabular(text: &str, cells: &[Vec<String>]) -> bool {
    text.contains('\t')
        || !cells.iter().flatten().any(|c| {
            c.split_whitespace().count() > MOST_WORDS_IN_A_CELL
                || c.trim_end_matches('.').contains(". ")
        })
}

/// Reads what was pasted.
pub fn read(text: &str) -> Pasted {
    if text.trim().is_empty() {
        return Pasted::Nothing;
    }
    let table = table::read(text);
    if let Ok(cells) = &table {
        if tabular(text, cells) {
            return Pasted::Table(table.unwrap_or_default());
        }
    }
    let reading = prose::read(text);
    if !reading.used.is_empty() {
        return Pasted::Text(Box::new(reading));
    }
    match table {
        Ok(cells) => Pasted::Table(cells),
        Err(e) => Pasted::Unreadable(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    enum Is {
        Table,
        Text,
        Nothing,
        Unreadable,
    }

    #[test]
    fn a_paste_is_a_table_or_a_text() {
        let cases = [
            ("", Is::Nothing),
            ("  \n ", Is::Nothing),
            ("\tXuất sắc\tTốt\nĐảng viên\t16,2%\t78,6%\n", Is::Table),
            ("Nhóm,Tổng số,Xuất sắc\nTổ chức cơ sở đảng,698,131\nChi bộ,5.084,894\n", Is::Table),
            ("Nhóm;Tổng số;Xuất sắc\nĐảng viên;94.877;15.397\n", Is::Table),
            // Regression: a paragraph on two lines with commas was CSV, its
            // pieces of sentences read as headers and groups.
            (
                "Năm 2022, toàn tỉnh có 695/698 tổ chức cơ sở đảng được đánh giá, xếp loại; trong đó có 131 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, 539 hoàn thành tốt nhiệm vụ.\nCó 5.062/5.084 chi bộ được đánh giá, trong đó 894 chi bộ hoàn thành xuất sắc nhiệm vụ.",
                Is::Text,
            ),
            // One line: too small for a table, a text with figures.
            ("Có 300 đảng viên được đánh giá, 60 hoàn thành xuất sắc nhiệm vụ.", Is::Text),
            ("chỉ một dòng chữ", Is::Unreadable),
            ("a,\"b\nc", Is::Unreadable),
        ];
        for (text, want) in cases {
            let got = match read(text) {
                Pasted::Table(_) => Is::Table,
                Pasted::Text(_) => Is::Text,
                Pasted::Nothing => Is::Nothing,
                Pasted::Unreadable(_) => Is::Unreadable,
            };
            assert_eq!(got, want, "{text}");
        }
    }
}
