fn main() {
    #[cfg(target_arch = "wasm32")]
    waymark::ui::mount();
}
