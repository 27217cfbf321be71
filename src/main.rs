//! Entry point. In the browser it mounts the app; a native build has nothing to run: the
//! native side of MEGA IP is `crates/core` and the `megaip` command line.

#[cfg(feature = "web")]
fn main() {
    mega_ip::ui::start();
}

#[cfg(not(feature = "web"))]
fn main() {
    eprintln!("MEGA IP is a web app: run `scripts/serve` to build and serve it (see README.md).");
}
