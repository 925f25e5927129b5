//! `minewatch extract`: facts with provenance from profiles, as JSON, CSV or text.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use minewatch_extract::{Fact, Value};

use crate::{input, Global};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, folders (read recursively: *.txt, *.md, *.markdown) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
}

/// A fact with the file it came from (JSON output when several inputs are read).
#[derive(serde::Serialize)]
struct Located<'a> {
    file: &'a str,
    #[serde(flatten)]
    fact: &'a Fact,
}

pub const CSV_HEADER: &str = "file,predicate,subject,value,qualifier,unit,as_of,notes,line,span_start,span_end,mine_type,confidence,reason,quote,recipient,donors";

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn value_text(v: &Value) -> String {
    match v {
        Value::Range([a, b]) => format!("{}-{}", fmt(*a), fmt(*b)),
        Value::Number(x) => fmt(*x),
        Value::Text(t) => t.clone(),
    }
}

fn fmt(v: f64) -> String {
    minewatch_extract::text::fmt_num(v)
}

/// A file's display name (what the output calls it).
struct Named {
    name: String,
}

pub fn run(args: Args, _g: &Global) -> anyhow::Result<ExitCode> {
    // Not locked for the whole run: whichever worker's results come next in order
    // writes them (`par::ordered_parallel`), so the writer moves between threads.
    let mut out = std::io::BufWriter::with_capacity(64 << 10, std::io::stdout());
    let mut unreadable = 0usize;
    let mut all: Vec<(String, Vec<Fact>)> = Vec::new();
    if args.format == Format::Csv {
        writeln!(out, "{CSV_HEADER}")?;
    }
    // Read and extract on every core; write in input order.
    let analyze = |p: &Result<std::path::PathBuf, String>| -> Result<(String, Vec<Fact>, Option<String>), String> {
        let path = p.as_ref().map_err(|e| e.clone())?;
        let inp = input::read(path);
        let bytes = inp.bytes?;
        let doc = minewatch_profile::read_owned(bytes);
        if let Some(d) = doc
            .diagnostics
            .iter()
            .find(|d| d.code == "binary-input" || d.code == "empty-input")
        {
            return Err(format!("{}: {}", inp.name, d.message));
        }
        let warning = (!doc.invalid_bytes.is_empty()).then(|| {
            format!(
                "{}: {} byte(s) are not valid UTF-8; read as U+001A",
                inp.name,
                doc.invalid_bytes.len()
            )
        });
        let facts = minewatch_extract::extract(&doc);
        Ok((inp.name, facts, warning))
    };
    // A bug that panics on one file is that file's error (exit 2), not every file's.
    let isolated = |p: &Result<std::path::PathBuf, String>| {
        let name = p
            .as_ref()
            .map_or_else(|e| e.clone(), |p| p.display().to_string());
        crate::par::isolated(&name, "reading facts from", || analyze(p)).and_then(|r| r)
    };
    crate::par::over_inputs(&args.paths, isolated, |r| {
        let (name, facts, warning) = match r {
            Ok(x) => x,
            Err(e) => {
                eprintln!("error: {e}");
                unreadable += 1;
                return Ok(());
            }
        };
        if let Some(w) = warning {
            eprintln!("warning: {w}");
        }
        let inp = Named { name };
        match args.format {
            Format::Csv => {
                for f in &facts {
                    let notes: Vec<String> = f.notes.iter().map(u32::to_string).collect();
                    let row = [
                        csv_field(&inp.name),
                        csv_field(&f.predicate),
                        csv_field(&f.subject),
                        csv_field(&value_text(&f.value)),
                        f.qualifier.as_str().to_string(),
                        csv_field(f.unit.as_deref().unwrap_or("")),
                        csv_field(f.as_of.as_deref().unwrap_or("")),
                        csv_field(&notes.join(" ")),
                        f.line.to_string(),
                        f.span[0].to_string(),
                        f.span[1].to_string(),
                        csv_field(f.mine_type.as_deref().unwrap_or("")),
                        if f.confidence == minewatch_extract::Confidence::High {
                            "high"
                        } else {
                            "low"
                        }
                        .to_string(),
                        csv_field(f.reason.as_deref().unwrap_or("")),
                        csv_field(&f.quote),
                        // (New columns go at the end: tools read the others by place.)
                        csv_field(f.recipient.as_deref().unwrap_or("")),
                        f.donors.map(|n| n.to_string()).unwrap_or_default(),
                    ];
                    writeln!(out, "{}", row.join(","))?;
                }
            }
            Format::Human => {
                writeln!(out, "{}: {} fact(s)", inp.name, facts.len())?;
                for f in &facts {
                    let q = if f.qualifier == minewatch_extract::Qualifier::Exact {
                        String::new()
                    } else {
                        format!("{} ", f.qualifier.as_str())
                    };
                    let one = f.value.as_number() == Some(1.0);
                    let unit = f
                        .unit
                        .as_deref()
                        .map(|u| format!(" {}", minewatch_extract::unit_word(u, one)))
                        .unwrap_or_default();
                    let mut extra = f.details();
                    if let Some(a) = &f.as_of {
                        extra.push(format!("as of {a}"));
                    }
                    if !f.notes.is_empty() {
                        let n: Vec<String> = f.notes.iter().map(|n| format!("[{n}]")).collect();
                        extra.push(format!("notes {}", n.join("")));
                    }
                    if let Some(r) = &f.reason {
                        extra.push(format!("LOW: {r}"));
                    }
                    writeln!(
                        out,
                        "  {}:{} {} {} = {q}{}{unit}{}",
                        inp.name,
                        f.line,
                        f.subject,
                        f.predicate,
                        value_text(&f.value),
                        if extra.is_empty() {
                            String::new()
                        } else {
                            format!("  ({})", extra.join("; "))
                        }
                    )?;
                }
            }
            Format::Json => all.push((inp.name, facts)),
        }
        Ok(())
    })?;
    if args.format == Format::Json {
        let facts: Vec<Located> = all
            .iter()
            .flat_map(|(n, fs)| fs.iter().map(move |f| Located { file: n, fact: f }))
            .collect();
        serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "facts": facts }))?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if unreadable > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
