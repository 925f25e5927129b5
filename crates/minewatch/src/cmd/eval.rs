//! `minewatch eval`: score extraction against gold annotations (JSON lines; see
//! `minewatch_extract::eval` for the format), per predicate and overall.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use minewatch_extract::eval;

use crate::{input, Global};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold annotations (JSON lines); give one per PATH, paired in order.
    #[arg(long, required = true, value_name = "GOLD")]
    pub gold: Vec<PathBuf>,
    /// The profiles the gold files annotate.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Score only high-confidence facts.
    #[arg(long)]
    pub high_only: bool,
}

pub fn run(args: Args, _g: &Global) -> anyhow::Result<ExitCode> {
    if args.gold.len() != args.paths.len() {
        bail!(
            "{} --gold file(s) for {} profile(s): give one gold file per profile, in the same order",
            args.gold.len(),
            args.paths.len()
        );
    }
    let mut total = eval::Score::default();
    for (gold, path) in args.gold.iter().zip(&args.paths) {
        let gtext = input::read(gold).bytes.map_err(|e| anyhow::anyhow!(e))?;
        let gtext = String::from_utf8(gtext)
            .map_err(|_| anyhow::anyhow!("{}: not UTF-8 text", gold.display()))?;
        let g = eval::parse_gold(&gtext).with_context(|| gold.display().to_string())?;
        if g.is_empty() {
            eprintln!(
                "warning: {}: no annotations: every fact extracted from {} counts as a false positive",
                gold.display(),
                path.display()
            );
        }
        let inp = input::read(path);
        let bytes = inp.bytes.map_err(|e| anyhow::anyhow!(e))?;
        let doc = minewatch_profile::read_owned(bytes);
        if let Some(d) = doc
            .diagnostics
            .iter()
            .find(|d| d.code == "binary-input" || d.code == "empty-input")
        {
            bail!("{}: {}", inp.name, d.message);
        }
        let mut facts = minewatch_extract::extract(&doc);
        if args.high_only {
            facts.retain(|f| f.confidence == minewatch_extract::Confidence::High);
        }
        total.merge(eval::score(&facts, &g));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Human => out.write_all(eval::render(&total).as_bytes())?,
        Format::Json => {
            let per: serde_json::Map<String, serde_json::Value> = total
                .per_predicate
                .iter()
                .map(|(k, c)| (k.clone(), counts(c)))
                .collect();
            let v = serde_json::json!({
                "per_predicate": per,
                "overall": counts(&total.overall),
                "false_positives": total.false_positives,
                "false_negatives": total.false_negatives,
            });
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn counts(c: &eval::Counts) -> serde_json::Value {
    serde_json::json!({
        "precision": c.precision(),
        "recall": c.recall(),
        "matched": c.matched,
        "predicted": c.predicted,
        "gold": c.gold,
    })
}
