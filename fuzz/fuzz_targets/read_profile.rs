//! Any bytes: reading never fails, the model rebuilds the input, the checks and
//! their renderings never panic. `cargo fuzz run read_profile` (nightly).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    minewatch_fuzz::read_and_check(data);
});
