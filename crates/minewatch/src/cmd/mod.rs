//! One module per subcommand: `Args` (clap) and `run(args, &Global) -> anyhow::Result<ExitCode>`.

pub mod check;
pub mod classify;
pub mod compliance;
pub mod db;
pub mod deadlines;
pub mod eval;
pub mod extract;
pub mod facts;
pub mod gen_corpus;
pub mod history;
pub mod ingest;
pub mod states;
pub mod status;
pub mod votes;
pub mod withdrawal;
