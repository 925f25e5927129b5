//! One module per subcommand: `Args` (clap) and `run(args, &Global) -> anyhow::Result<ExitCode>`.

pub mod check;
pub mod gen_corpus;
