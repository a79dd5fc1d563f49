//! `cloudwright`: the core's analyses from a terminal or CI.

use std::process::ExitCode;

fn main() -> ExitCode {
    // A defect must still read as one line, never a backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("cloudwright: internal error: {info}. Please report it.");
    }));
    cloudwright_cli::run(std::env::args_os())
}
