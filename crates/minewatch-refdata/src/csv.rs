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
}
