//! One module per subcommand: `Args` (clap) and `run(args, &Global) -> anyhow::Result<ExitCode>`.

pub mod check;
pub mod classify;
pub mod compliance;
pub mod deadlines;
pub mod gen_corpus;
pub mod withdrawal;
