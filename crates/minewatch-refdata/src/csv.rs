//! A small RFC 4180 CSV reader for the reference data files (quoted fields,
//! doubled quotes, commas and newlines inside quotes).

/// Why a CSV text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: line {line}: {message}")]
pub struct CsvError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// One record: its 1-based starting line and its fields by header name.
#[derive(Debug, Clone)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A parsed CSV table with a header row.
#[derive(Debug, Clone)]
pub struct Table {
    pub file: String,
    pub header: Vec<String>,
    pub records: Vec<Record>,
}

impl Table {
    pub fn parse(file: &str, text: &str) -> Result<Table, CsvError> {
        let mut rows = parse_rows(file, text)?;
        if rows.is_empty() {
            return Err(CsvError {
                file: file.into(),
                line: 1,
                message: "empty file, expected a header row".into(),
            });
        }
        let header = rows.remove(0).fields;
        for r in &rows {
            if r.fields.len() != header.len() {
                return Err(CsvError {
                    file: file.into(),
                    line: r.line,
                    message: format!("{} fields, the header has {}", r.fields.len(), header.len()),
                });
            }
        }
        Ok(Table {
            file: file.into(),
            header,
            records: rows,
        })
    }

    /// Indices of the columns `names`, in that order, or an error naming the first missing one.
    pub fn cols<const N: usize>(&self, names: &[&str; N]) -> Result<[usize; N], CsvError> {
        let mut idx = [0usize; N];
        for (i, n) in names.iter().enumerate() {
            idx[i] = self.col(n)?;
        }
        Ok(idx)
    }

    /// Index of column `name`, or an error naming it.
    pub fn col(&self, name: &str) -> Result<usize, CsvError> {
        self.header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| CsvError {
                file: self.file.clone(),
                line: 1,
                message: format!("no column '{name}'"),
            })
    }
}

fn parse_rows(file: &str, text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let b = text.as_bytes();
    let mut rows = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut row_line = 1;
    let mut in_quotes = false;
    let mut quoted_field = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if in_quotes {
            match c {
                b'"' if b.get(i + 1) == Some(&b'"') => {
                    i += 2;
                    field.push('"');
                }
                b'"' => {
                    in_quotes = false;
                    i += 1;
                }
                b'\n' => {
                    line += 1;
                    field.push('\n');
                    i += 1;
                }
                _ => {
                    // The run up to the next quote or line break, at once (both are
                    // ASCII: the run ends on a character boundary).
                    let run = b[i..]
                        .iter()
                        .position(|&x| x == b'"' || x == b'\n')
                        .map_or(b.len(), |k| i + k);
                    field.push_str(&text[i..run]);
                    i = run;
                }
            }
            continue;
        }
        match c {
            b'"' if field.is_empty() && !quoted_field => {
                in_quotes = true;
                quoted_field = true;
                i += 1;
            }
            b'"' => {
                return Err(CsvError {
                    file: file.into(),
                    line,
                    message: "stray quote inside an unquoted field".into(),
                })
            }
            b',' => {
                fields.push(std::mem::take(&mut field));
                quoted_field = false;
                i += 1;
            }
            b'\r' if b.get(i + 1) == Some(&b'\n') => i += 1,
            b'\n' => {
                fields.push(std::mem::take(&mut field));
                quoted_field = false;
                if !(fields.len() == 1 && fields[0].is_empty()) {
                    rows.push(Record {
                        line: row_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                fields.clear();
                line += 1;
                row_line = line;
                i += 1;
            }
            _ => {
                // The run of ordinary characters, at once (it ends at an ASCII byte).
                let run = b[i + 1..]
                    .iter()
                    .position(|&x| matches!(x, b'"' | b',' | b'\r' | b'\n'))
                    .map_or(b.len(), |k| i + 1 + k);
                field.push_str(&text[i..run]);
                i = run;
            }
        }
    }
    if in_quotes {
        return Err(CsvError {
            file: file.into(),
            line: row_line,
            message: "unterminated quoted field".into(),
        });
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        rows.push(Record {
            line: row_line,
            fields,
        });
    }
    Ok(rows)
}

/// The reader as first written, a character at a time: the reference the property
/// test holds [`parse_rows`] to.
#[cfg(test)]
fn parse_rows_by_char(file: &str, text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut row_line = 1;
    let mut in_quotes = false;
    let mut quoted_field = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !quoted_field => {
                in_quotes = true;
                quoted_field = true;
            }
            '"' => {
                return Err(CsvError {
                    file: file.into(),
                    line,
                    message: "stray quote inside an unquoted field".into(),
                })
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                quoted_field = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                quoted_field = false;
                if !(fields.len() == 1 && fields[0].is_empty()) {
                    rows.push(Record {
                        line: row_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                fields.clear();
                line += 1;
                row_line = line;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(CsvError {
            file: file.into(),
            line: row_line,
            message: "unterminated quoted field".into(),
        });
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        rows.push(Record {
            line: row_line,
            fields,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_newlines() {
        let t = Table::parse("t.csv", "a,b\n1,\"x, \"\"y\"\"\nz\"\n2,\n").unwrap();
        assert_eq!(t.records.len(), 2);
        assert_eq!(t.records[0].fields[1], "x, \"y\"\nz");
        assert_eq!(t.records[1].line, 4);
        assert_eq!(t.records[1].fields, vec!["2", ""]);
    }

    #[test]
    fn errors_name_the_line() {
        let e = Table::parse("t.csv", "a,b\n1,2,3\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(Table::parse("t.csv", "a\n\"open\n").is_err());
        assert!(Table::parse("t.csv", "").is_err());
        let t = Table::parse("t.csv", "a,b\n1,2\n").unwrap();
        assert_eq!(t.cols(&["b", "a"]).unwrap(), [1, 0]);
        assert_eq!(t.cols(&["a", "zz"]).unwrap_err().message, "no column 'zz'");
    }

    fn digest(r: Result<Vec<Record>, CsvError>) -> Result<Vec<(usize, Vec<String>)>, CsvError> {
        r.map(|rows| rows.into_iter().map(|r| (r.line, r.fields)).collect())
    }

    /// The shipped files read as the character-at-a-time reader reads them.
    #[test]
    fn shipped_files_read_as_before() {
        for (name, text) in [
            ("states", crate::STATES_CSV),
            ("mbt", crate::MBT_STATUS_CSV),
            ("ccw", crate::CCW_APII_CSV),
            ("eif", crate::EIF_DISCREPANCIES_CSV),
            ("rc", crate::UNGA_ROLL_CALLS_CSV),
            ("votes", crate::UNGA_VOTES_CSV),
            ("mines", crate::MINE_TYPES_CSV),
        ] {
            assert_eq!(
                digest(parse_rows(name, text)),
                digest(parse_rows_by_char(name, text)),
                "{name}"
            );
        }
    }

    proptest::proptest! {
        /// Any text (quotes, doubled quotes, commas, CR, LF, non-ASCII, a BOM): the same
        /// records, lines and errors as the character-at-a-time reader.
        #[test]
        fn runs_read_as_characters_do(text in "\u{feff}?([a-zé€ ]{0,4}|\"|,|\r|\n|\r\n){0,40}") {
            proptest::prop_assert_eq!(digest(parse_rows("t", &text)), digest(parse_rows_by_char("t", &text)));
        }
    }
}
