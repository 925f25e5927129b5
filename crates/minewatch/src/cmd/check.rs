//! `minewatch check`: run the checker over files, folders or standard input.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use minewatch_check::render::{self, FileReport};

use crate::{input, Global};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, folders (read recursively: *.txt, *.md, *.markdown) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// The date staleness is measured against (YYYY-MM-DD; default today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// A profile last updated more than this many months before --as-of is stale.
    #[arg(long, value_name = "MONTHS", default_value_t = 12)]
    pub stale_after: u32,
    /// Colour in human output.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Color,
    /// Skip the cross-checks (extracted facts against each other, the treaty's rules
    /// and the reference data): only the profile checks run.
    #[arg(long)]
    pub no_cross_checks: bool,
    /// List at most this many diagnostics of one code per file; the rest are counted
    /// in one `too-many-diagnostics` note (0: list them all).
    #[arg(long, value_name = "N", default_value_t = minewatch_check::DEFAULT_MAX_PER_CODE)]
    pub max_per_code: usize,
    /// Leave out the diagnostics of these codes (repeat, or separate with commas):
    /// neither listed nor counted.
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    pub allow: Vec<String>,
    /// Count the diagnostics of these codes as errors (repeat, or separate with
    /// commas); `warnings` makes every warning an error.
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    pub deny: Vec<String>,
}

/// The levels `--allow` and `--deny` ask for; a name that is no code is an argument
/// error that suggests the nearest code.
fn levels(args: &Args) -> anyhow::Result<minewatch_check::Levels> {
    let codes = minewatch_check::Levels::codes;
    let code = |flag: &str, name: &str| {
        minewatch_check::Levels::code(name.trim()).map_err(|e| {
            let nearest = codes()
                .min_by_key(|c| minewatch_refdata::levenshtein(c, name.trim()))
                .unwrap_or("missing-note");
            let all: Vec<&str> = codes().collect();
            anyhow::anyhow!(
                "{flag}: {e}; did you mean `{nearest}`? The codes: {}",
                all.join(", ")
            )
        })
    };
    let mut l = minewatch_check::Levels::default();
    for a in &args.allow {
        l.allow.push(code("--allow", a)?);
    }
    for d in &args.deny {
        if d.trim() == "warnings" {
            l.deny_warnings = true;
        } else {
            l.deny.push(code("--deny", d)?);
        }
    }
    if let Some(c) = l.allow.iter().find(|c| l.deny.contains(c)) {
        anyhow::bail!("`{c}` is both allowed (--allow) and denied (--deny): choose one");
    }
    Ok(l)
}

pub fn run(args: Args, _g: &Global) -> anyhow::Result<ExitCode> {
    let mut opts = minewatch_check::Options {
        stale_after_months: args.stale_after,
        ..Default::default()
    };
    if let Some(d) = &args.as_of {
        opts.as_of = input::parse_date("--as-of", d)?;
    }
    let levels = levels(&args)?;
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut unreadable = 0usize;
    let (mut errors, mut warnings, mut files) = (0usize, 0usize, 0usize);
    // Not locked for the whole run: whichever worker's results come next in order
    // writes them (`par::ordered_parallel`), so the writer moves between threads.
    let mut out = std::io::BufWriter::with_capacity(64 << 10, std::io::stdout());
    // Every format streams: each file is rendered on a worker, and JSON and SARIF
    // items are written into the document's one array as they come, so memory stays
    // bounded over thousands of files and no single thread serialises the whole report.
    let mut stream = match args.format {
        Format::Human => None,
        Format::Json => Some(render::ArrayStream::new(&render::json_frame(), "files")),
        Format::Sarif => Some(render::ArrayStream::new(
            &render::sarif_frame(env!("CARGO_PKG_VERSION")),
            "results",
        )),
    }
    .map(|s| {
        s.ok_or_else(|| anyhow::anyhow!("internal error: the report frame has no array to fill"))
    })
    .transpose()?;
    if let Some(s) = &stream {
        out.write_all(s.head().as_bytes())?;
    }
    let indent = stream.as_ref().map_or(0, |s| s.indent());
    // Files are read and checked on every core; results are written in input order.
    crate::par::over_inputs(
        &args.paths,
        |p| match p {
            Err(e) => Err(e.clone()),
            Ok(path) => {
                let inp = input::read(path);
                let bytes = inp.bytes?;
                // A bug that panics on one file is that file's error, said as such;
                // the other files are still checked (exit 2).
                crate::par::isolated(&inp.name, "checking", || {
                    let doc = minewatch_profile::read_owned(bytes);
                    // Counted whole, listed up to the cap.
                    let minewatch_check::Tally {
                        diagnostics: diags,
                        errors,
                        warnings,
                    } = analyze(
                        &doc,
                        &opts,
                        !args.no_cross_checks,
                        args.max_per_code,
                        &levels,
                    );
                    let report = FileReport {
                        path: &inp.name,
                        text: &doc.text,
                        diagnostics: &diags,
                    };
                    // A file's report, as items of the document's array (each written
                    // after a separator) made of pieces (written one after another): a
                    // file with a million findings is never one growing buffer.
                    let items: Vec<Vec<Vec<u8>>> = match args.format {
                        Format::Human => {
                            let mut p = render::Pieces::default();
                            render::human_into(&report, color, &mut p);
                            vec![p.finish()]
                        }
                        Format::Json => vec![render::json_file_pieces(&report, indent)],
                        Format::Sarif => render::sarif_items(&report, indent)
                            .into_iter()
                            .map(|r| vec![r.into_bytes()])
                            .collect(),
                    };
                    (errors, warnings, items)
                })
            }
        },
        |r| {
            let (e, w, items) = match r {
                Ok(x) => x,
                Err(e) => {
                    eprintln!("error: {e}");
                    unreadable += 1;
                    return Ok(());
                }
            };
            files += 1;
            errors += e;
            warnings += w;
            for item in items {
                if let Some(s) = &mut stream {
                    out.write_all(s.separator().as_bytes())?;
                }
                for piece in item {
                    out.write_all(&piece)?;
                }
            }
            Ok(())
        },
    )?;
    match &stream {
        None => {
            let summary = format!(
                "{errors} error(s), {warnings} warning(s) in {files} file(s){}\n",
                if unreadable > 0 {
                    format!("; {unreadable} input(s) could not be read")
                } else {
                    String::new()
                }
            );
            out.write_all(summary.as_bytes())?;
        }
        Some(s) => {
            out.write_all(s.finish().as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(if unreadable > 0 {
        ExitCode::from(2)
    } else if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Every check on one document: the profile checks, then the cross-checks of its
/// facts against each other, the treaty's rules and the reference data; at most
/// `max_per_code` of each code listed (0: all), every one counted.
fn analyze(
    doc: &minewatch_profile::Document,
    opts: &minewatch_check::Options,
    cross_checks: bool,
    max_per_code: usize,
    levels: &minewatch_check::Levels,
) -> minewatch_check::Tally {
    let mut out = minewatch_check::Listed::with_levels(max_per_code, levels.clone());
    minewatch_check::check_into(doc, opts, &mut out);
    if cross_checks {
        let facts = minewatch_extract::extract(doc);
        let cross = minewatch_extract::CrossOptions {
            as_of: opts.as_of,
            stale_after_months: opts.stale_after_months,
        };
        out.extend(minewatch_extract::cross_check(doc, &facts, &cross));
    }
    out.finish()
}
