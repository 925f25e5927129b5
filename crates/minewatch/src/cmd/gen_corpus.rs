use std::process::ExitCode;

use crate::Global;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Output folder.
    #[arg(required = true)]
    pub out: std::path::PathBuf,
}

pub fn run(_args: Args, _g: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("gen-corpus is being built")
}
