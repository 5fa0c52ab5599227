//! Link-time settings of the `sluice` binary.

fn main() {
    // Packed relative relocations (DT_RELR): the binary's ~78,000 relative
    // relocations shrink from a 1.9 MB table, read and kept resident by
    // every process at start, to a few KB. Still position-independent
    // (ASLR kept); glibc >= 2.36 and musl >= 1.2.4 load it, and a linker
    // that does not know the option ignores it with a warning.
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
