//! `pgo/rustc-pgo`, the rustc wrapper of `.cargo/config.toml`: which builds it guides
//! with the committed profile, which it instruments, and which it leaves alone. Run
//! with `echo` as the compiler, so what it would run is printed.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The compiler's arguments as the wrapper passes them on (`echo` prints them).
fn passed(args: &[&str], env: &[(&str, &str)], package: &str) -> String {
    let mut cmd = Command::new("sh");
    cmd.arg(root().join("pgo/rustc-pgo"))
        .arg("echo")
        .args(args)
        .env_remove("MINEWATCH_PGO_GENERATE")
        .env("CARGO_PKG_NAME", package);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("sh runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .trim_end()
        .to_string()
}

const RELEASE: &[&str] = &["--crate-name", "x", "-C", "opt-level=3", "src/lib.rs"];
const DEBUG: &[&str] = &["--crate-name", "x", "-C", "debuginfo=2", "src/lib.rs"];

#[test]
fn the_profile_exists_and_guides_optimised_builds_only() {
    let profile = root().join("pgo/minewatch.profdata");
    assert!(profile.is_file(), "pgo/minewatch.profdata is committed");
    let release = passed(RELEASE, &[], "minewatch-check");
    let expected = format!(
        "{} -Cprofile-use={}",
        RELEASE.join(" "),
        profile.canonicalize().unwrap().display()
    );
    assert_eq!(release, expected);
    // A dependency's optimised build too.
    assert!(passed(RELEASE, &[], "memchr").contains("-Cprofile-use="));
    // Debug and test builds, and anything that is no compilation, go through unchanged.
    assert_eq!(passed(DEBUG, &[], "minewatch-check"), DEBUG.join(" "));
    assert_eq!(passed(&["-vV"], &[], ""), "-vV");
}

#[test]
fn fuzzing_builds_are_left_alone_and_generation_instruments() {
    let fuzz: Vec<&str> = RELEASE
        .iter()
        .copied()
        .chain(["--cfg", "fuzzing"])
        .collect();
    assert_eq!(passed(&fuzz, &[], "minewatch-fuzz"), fuzz.join(" "));
    let generate = passed(
        RELEASE,
        &[("MINEWATCH_PGO_GENERATE", "/tmp/raw")],
        "minewatch-check",
    );
    assert_eq!(
        generate,
        format!("{} -Cprofile-generate=/tmp/raw", RELEASE.join(" "))
    );
}
