//! `minewatch classify`: is a device an anti-personnel mine, and what does each
//! instrument say about the activity.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use minewatch_law::{classify, explain, parse_case, InstrumentResult};
use serde::Serialize;

use super::deadlines::Format;
use crate::Global;

/// The input's fields, under `--help` (the README's table says more).
const CASE_HELP: &str = "\
Input fields (examples in examples/devices/; the README describes each):
  device.activation        person | vehicle | command   (required)
  device.person_activation_mode, anti_handling_device, self_destruct,
  self_deactivation, detectable, improvised            true | false
  device.delivery          hand-emplaced | remotely-delivered
  device.name              free text
  activity.kind            use | develop | produce | acquire | stockpile | retain | transfer   (required)
  activity.purpose         operational (default) | training | destruction
  activity.actor           a state (code or name) or nsag   (required)
  activity.place           a state (code or name)
  activity.date            YYYY-MM-DD   (required)
  activity.quantity        a count of mines";

/// Largest input file accepted.
pub(crate) const MAX_INPUT: u64 = 1 << 20;

#[derive(clap::Args, Debug)]
#[command(after_help = CASE_HELP)]
pub struct Args {
    /// JSON file describing {"device": …, "activity": …}, or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Read a JSON text input (file or `-`), refusing what is not one: a folder, a huge
/// file, an empty file, binary data, text that is not UTF-8.
pub(crate) fn read_text(path: &Path) -> anyhow::Result<String> {
    let name = if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_INPUT + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("{name}: cannot read"))?;
    } else {
        let meta = std::fs::metadata(path).with_context(|| format!("{name}: cannot read"))?;
        if meta.is_dir() {
            bail!("{name}: is a folder, expected a JSON file");
        }
        if meta.len() > MAX_INPUT {
            bail!(
                "{name}: too large ({} bytes; at most {} bytes)",
                meta.len(),
                MAX_INPUT
            );
        }
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_INPUT + 1).read_to_end(&mut bytes))
            .with_context(|| format!("{name}: cannot read"))?;
    }
    if bytes.len() as u64 > MAX_INPUT {
        bail!("{name}: too large (more than {MAX_INPUT} bytes)");
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        bail!("{name}: empty, expected a JSON document");
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        bail!("{name}: binary data (NUL byte at offset {at}), expected a JSON text");
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{name}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

#[derive(Serialize)]
struct Output<'a> {
    results: &'a [InstrumentResult],
}

pub fn run(args: Args, _g: &Global) -> anyhow::Result<ExitCode> {
    let name = if args.file.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        args.file.display().to_string()
    };
    let text = read_text(&args.file)?;
    let case = parse_case(&text).with_context(|| name.clone())?;
    let results = classify(&case).with_context(|| name.clone())?;
    match args.format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&Output { results: &results })?
        ),
        Format::Human => print!("{}", explain::render_classification(&case, &results)),
    }
    Ok(ExitCode::SUCCESS)
}
