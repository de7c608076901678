//! The uniffi generator, the same version as the runtime the library links: `cargo run -p
//! arrears-ffi --features cli --bin uniffi-bindgen -- generate --library <lib> --language swift
//! --out-dir <dir>` (what `make -C bindings-swift bindings` runs).

fn main() {
    uniffi::uniffi_bindgen_main()
}
